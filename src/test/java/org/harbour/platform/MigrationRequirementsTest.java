package org.harbour.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What pending migrations ask of the account, what SHOW GRANTS gives it, and the verdict, without a server. */
class MigrationRequirementsTest {

    static final String ACCOUNT = "'harbour'@'10.0.0.5'";
    static final MigrationRequirements.BinaryLogging BINLOG_ON = new MigrationRequirements.BinaryLogging(true, false);
    static final MigrationRequirements.BinaryLogging BINLOG_OFF = new MigrationRequirements.BinaryLogging(false, false);

    @Test
    void theLandedMigrationsAreReadForWhatTheyNeed() throws IOException {
        PendingMigration v1 = migration("V1__create_regions.sql");
        PendingMigration v15 = migration("V15__report_indexes.sql");
        PendingMigration v20 = migration("V20__audit_log_append_only.sql");
        PendingMigration v25 = migration("V25__availability_bookable_by_region.sql");

        assertThat(v1.privileges()).containsExactlyInAnyOrder(Privilege.CREATE, Privilege.INSERT);
        assertThat(v1.createsStoredCode()).isFalse();
        // ALTER TABLE ... DROP INDEX is an ALTER, not a DROP or an INDEX
        assertThat(v15.privileges()).containsExactlyInAnyOrder(Privilege.ALTER, Privilege.CREATE, Privilege.INSERT);
        // its comment has an apostrophe ("application's") and the trigger body a quoted ';'-free string
        assertThat(v20.privileges()).containsExactly(Privilege.TRIGGER);
        assertThat(v20.createsStoredCode()).isTrue();
        assertThat(v25.privileges()).contains(Privilege.TRIGGER, Privilege.ALTER);
        assertThat(v25.createsStoredCode()).isTrue();
    }

    @Test
    void commentsAndQuotedTextNeitherAddNeedsNorSplitStatements() {
        PendingMigration m = PendingMigration.of("30", """
                -- we don't CREATE TRIGGER here; nor DROP TABLE
                /* CREATE FUNCTION f() */
                INSERT INTO notes (text) VALUES ('it''s; CREATE TRIGGER x'), ("DROP TABLE y; \\" z");
                # DELETE FROM notes;
                CREATE DEFINER = CURRENT_USER FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1;
                """);

        assertThat(m.privileges()).containsExactlyInAnyOrder(Privilege.INSERT, Privilege.CREATE_ROUTINE);
        assertThat(m.createsStoredCode()).isTrue();
    }

    @Test
    void grantsOnTheSchemaOnAPatternAndOnEverythingCount() {
        AccountGrants db = AccountGrants.parse(List.of(
                "GRANT USAGE ON *.* TO `harbour`@`10.0.0.5` IDENTIFIED BY PASSWORD '*FE36EF1BA9B0494C81F07F55971BEC2FC655FDC5'",
                "GRANT ALL PRIVILEGES ON `harbour`.* TO `harbour`@`10.0.0.5`"), "harbour", true);
        AccountGrants pattern = AccountGrants.parse(List.of(
                "GRANT SELECT, INSERT, CREATE, TRIGGER ON `harb\\_%`.* TO `harbour`@`%`"), "harb_prod", true);
        AccountGrants otherSchema = AccountGrants.parse(List.of(
                "GRANT ALL PRIVILEGES ON `harbourx`.* TO `harbour`@`%`",
                "GRANT SELECT (alias), UPDATE ON `harbour`.`clients` TO `harbour`@`%`"), "harbour", true);
        AccountGrants everything = AccountGrants.parse(List.of("GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION"),
                "harbour", true);

        assertThat(db.has(Privilege.TRIGGER)).isTrue();
        assertThat(db.hasSuper()).as("ALL on one database is not SUPER").isFalse();
        assertThat(pattern.has(Privilege.TRIGGER)).isTrue();
        assertThat(pattern.has(Privilege.ALTER)).isFalse();
        assertThat(AccountGrants.parse(List.of("GRANT ALL ON `harb\\_%`.* TO `h`@`%`"), "harbXprod", true).has(Privilege.CREATE))
                .as("an escaped _ is no wildcard").isFalse();
        assertThat(otherSchema.has(Privilege.CREATE)).isFalse();
        assertThat(otherSchema.has(Privilege.SELECT)).as("a table's grant counts (the check errs towards starting)").isTrue();
        assertThat(everything.hasSuper()).isTrue();
    }

    @Test
    void rolesCountOnMariaDbAndMakeMySqlGrantsUnknown() {
        List<String> withRole = List.of("GRANT `migrator` TO `harbour`@`%`", "GRANT USAGE ON *.* TO `harbour`@`%`",
                "GRANT SUPER ON *.* TO `migrator`");

        assertThat(AccountGrants.parse(withRole, "harbour", true).hasSuper()).isTrue();
        assertThat(AccountGrants.parse(withRole.subList(0, 2), "harbour", false).known()).isFalse();
        assertThat(AccountGrants.parse(withRole.subList(0, 2), "harbour", false).has(Privilege.TRIGGER)).isTrue();
    }

    @Test
    void triggersUnderBinaryLoggingWithoutSuperNameTheSetting() {
        List<PendingMigration> pending = List.of(
                new PendingMigration("20", EnumSet.of(Privilege.TRIGGER), true),
                new PendingMigration("21", EnumSet.of(Privilege.CREATE), false),
                new PendingMigration("25", EnumSet.of(Privilege.TRIGGER), true));
        AccountGrants all = AccountGrants.parse(List.of("GRANT ALL PRIVILEGES ON `harbour`.* TO `harbour`@`%`"), "harbour", true);
        AccountGrants withSuper = AccountGrants.parse(List.of("GRANT SUPER ON *.* TO `harbour`@`%`",
                "GRANT ALL PRIVILEGES ON `harbour`.* TO `harbour`@`%`"), "harbour", true);

        assertThat(MigrationRequirements.problems(pending, BINLOG_ON, all, ACCOUNT, "harbour")).containsExactly(
                "migrations V20, V25 create triggers and this server has binary logging on; set log_bin_trust_function_creators=1"
                        + " on the server (SET GLOBAL and in its configuration file; on every node of a cluster), or migrate once"
                        + " with an account that has SUPER");
        assertThat(MigrationRequirements.problems(pending, BINLOG_OFF, all, ACCOUNT, "harbour")).isEmpty();
        assertThat(MigrationRequirements.problems(pending, new MigrationRequirements.BinaryLogging(true, true), all, ACCOUNT,
                "harbour")).isEmpty();
        assertThat(MigrationRequirements.problems(pending, BINLOG_ON, withSuper, ACCOUNT, "harbour")).isEmpty();
        assertThat(MigrationRequirements.problems(pending.subList(1, 2), BINLOG_ON, all, ACCOUNT, "harbour"))
                .as("nothing pending creates a trigger").isEmpty();
        assertThat(MigrationRequirements.problems(List.of(), BINLOG_ON, AccountGrants.parse(List.of(), "harbour", true),
                ACCOUNT, "harbour")).as("nothing pending, nothing asked").isEmpty();
    }

    @Test
    void missingPrivilegesAreNamedWithTheFirstMigrationNeedingEachAndTheGrant() {
        List<PendingMigration> pending = List.of(
                new PendingMigration("19", EnumSet.of(Privilege.CREATE, Privilege.INSERT), false),
                new PendingMigration("20", EnumSet.of(Privilege.TRIGGER), true),
                new PendingMigration("22", EnumSet.of(Privilege.ALTER, Privilege.CREATE, Privilege.INSERT), false));
        AccountGrants dml = AccountGrants.parse(List.of(
                "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE ON `harbour`.* TO `harbour`@`10.0.0.5`"), "harbour", true);

        assertThat(MigrationRequirements.problems(pending, BINLOG_OFF, dml, ACCOUNT, "harbour")).containsExactly(
                "missing privilege: the database account 'harbour'@'10.0.0.5' lacks TRIGGER (migration V20), ALTER"
                        + " (migration V22) on database `harbour`; grant it (GRANT TRIGGER, ALTER ON `harbour`.* TO"
                        + " 'harbour'@'10.0.0.5')");
        assertThat(MigrationRequirements.problems(pending, BINLOG_OFF, AccountGrants.unknown(), ACCOUNT, "harbour"))
                .as("grants that cannot be read stop nothing").isEmpty();
    }

    private static PendingMigration migration(String file) throws IOException {
        String version = file.substring(1, file.indexOf("__"));
        return PendingMigration.of(version, Files.readString(Path.of("db", "migration", file)));
    }
}
