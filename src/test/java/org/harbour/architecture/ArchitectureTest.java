package org.harbour.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house rules a newcomer can rely on: package arrows point one way, WebSocket stays in live, a repository
 * is its own feature's business, and reports only read. Each rule fails the build when broken.
 */
class ArchitectureTest {

    static final String ROOT = "org.harbour";

    private static JavaClasses harbour;

    @BeforeAll
    static void importMainClasses() {
        harbour = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** Any cycle between top-level packages (features and infrastructure alike). */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    /** Sockets are the live feature's concern: everyone else publishes events and lets live deliver them. */
    static final ArchRule WEBSOCKET_ONLY_IN_LIVE = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".live..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.websocket..", "jakarta.websocket..")
            .because("only live talks to WebSocket sessions");

    /** A feature's tables are reached through its public API, never through its repository or query classes. */
    static final ArchRule REPOSITORIES_STAY_HOME = classes()
            .should(new ArchCondition<>("use only their own package's repositories and query classes") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                        JavaClass target = dependency.getTargetClass();
                        if (target.getPackageName().startsWith(ROOT)
                                && (target.getSimpleName().endsWith("Repository")
                                    || target.getSimpleName().endsWith("Queries"))
                                && !target.getPackageName().equals(origin.getPackageName())) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    });
                }
            });

    /** The statements and calls that change data; a report makes none of them. */
    static final Set<String> WRITING_METHODS = Set.of(
            "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch", "executeWrite",
            "save", "saveAll", "update", "updateAll", "delete", "deleteAll", "deleteById", "persist");

    /** Funders' reports and the programs' directory export (HSDS) read what other features wrote. */
    static final ArchRule REPORTS_ONLY_READ = noClasses()
            .that().resideInAnyPackage(ROOT + ".report..", ROOT + ".directory..")
            .should().callMethodWhere(new com.tngtech.archunit.base.DescribedPredicate<>("a method that writes") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                    return WRITING_METHODS.contains(call.getTarget().getName());
                }
            })
            // a read-only transaction (@ReadOnly) is how a report keeps one snapshot; a read-write one is refused
            .orShould().beAnnotatedWith("io.micronaut.transaction.annotation.Transactional")
            .because("funders' reports read; writes belong to the feature that owns the table");

    static final ArchRule REPORT_METHODS_NOT_TRANSACTIONAL = noMethods()
            .that().areDeclaredInClassesThat().resideInAnyPackage(ROOT + ".report..", ROOT + ".directory..")
            .should().beAnnotatedWith("io.micronaut.transaction.annotation.Transactional")
            .because("funders' reports read; @ReadOnly keeps one snapshot");

    @Test
    void noCyclesBetweenPackages() {
        NO_PACKAGE_CYCLES.check(harbour);
    }

    @Test
    void websocketOnlyInLive() {
        WEBSOCKET_ONLY_IN_LIVE.check(harbour);
    }

    @Test
    void repositoriesAndQueryClassesStayInTheirPackage() {
        REPOSITORIES_STAY_HOME.check(harbour);
    }

    @Test
    void reportsOnlyRead() {
        REPORTS_ONLY_READ.check(harbour);
        REPORT_METHODS_NOT_TRANSACTIONAL.check(harbour);
    }
}
