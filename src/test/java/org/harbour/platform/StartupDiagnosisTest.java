package org.harbour.platform;

import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorDetails;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one line for each way a start fails, built from facts: never a password, never a message echoed whole. */
class StartupDiagnosisTest {

    static final DatabaseTarget TARGET = new DatabaseTarget(List.of("db1.example:3306"), "harbour", "harbour", false);

    @Test
    void theTargetIsHostsPortsAndDatabaseWithNothingElseFromTheUrl() {
        DatabaseTarget failover = DatabaseTarget.of(Map.of("harbour.database.url",
                "jdbc:mysql://admin:pa55word@db1:3307,db2,[::1]:3308/harbour?password=pa55word&sslMode=REQUIRED",
                "harbour.database.username", "harbour"));
        DatabaseTarget addressForm = DatabaseTarget.of(Map.of("harbour.database.url",
                "jdbc:mysql://address=(host=db3)(port=3310)(password=pa55word)/shelters"));

        assertThat(failover.hosts()).containsExactly("db1:3307", "db2:3306", "[::1]:3308");
        assertThat(failover.database()).isEqualTo("harbour");
        assertThat(failover.where()).doesNotContain("pa55word", "admin");
        assertThat(addressForm.hosts()).containsExactly("db3:3310");
        assertThat(addressForm.database()).isEqualTo("shelters");
    }

    @Test
    void connectionFailuresAreUnreachableWithTheHostAndTheReason() {
        assertThat(StartupDiagnosis.line(wrapped(new ConnectException("Connection refused")), TARGET))
                .startsWith("Harbour cannot start: the database at db1.example:3306 is unreachable (connection refused)");
        assertThat(StartupDiagnosis.line(wrapped(new UnknownHostException("db1.example")), TARGET))
                .contains("is unreachable (unknown host)");
    }

    @Test
    void serverRefusalsAreNamedByTheirErrorCodes() {
        assertThat(StartupDiagnosis.cause(wrapped(new SQLException(
                "Access denied for user 'harbour'@'10.0.0.5' (using password: YES)", "28000", 1045)), TARGET))
                .startsWith("the database at db1.example:3306 refused the credentials of 'harbour'@'10.0.0.5'");
        assertThat(StartupDiagnosis.cause(wrapped(new SQLSyntaxErrorException("Unknown database 'harbour'", "42000", 1049)), TARGET))
                .startsWith("database `harbour` does not exist on db1.example:3306; create it");
        assertThat(StartupDiagnosis.cause(wrapped(new SQLSyntaxErrorException(
                "INSERT command denied to user 'harbour'@'10.0.0.5' for table `harbour`.`users`", "42000", 1142)), TARGET))
                .isEqualTo("missing privilege: 'harbour'@'10.0.0.5' lacks INSERT on `harbour`.`users`; grant it"
                        + " (GRANT INSERT ON `harbour`.* TO 'harbour'@'10.0.0.5')");
        assertThat(StartupDiagnosis.cause(wrapped(new SQLException("You do not have the SUPER privilege and binary logging is"
                + " enabled (you *might* want to use the less safe log_bin_trust_function_creators variable)", "HY000", 1419)), TARGET))
                .startsWith("a migration creates triggers and this server has binary logging on; set log_bin_trust_function_creators=1");
    }

    @Test
    void aChecksumMismatchNamesTheVersionAndBothChecksums() {
        FlywayValidateException validation = new FlywayValidateException(new ErrorDetails(CoreErrorCode.VALIDATE_ERROR, ""),
                "Migrations have failed validation\nMigration checksum mismatch for migration version 3\n"
                        + "-> Applied to database : 1076560192\n-> Resolved locally    : 1076560191\n"
                        + "Either revert the changes to the migration, or run repair to update the schema history.");

        assertThat(StartupDiagnosis.cause(wrapped(validation), TARGET)).startsWith("migration checksum mismatch for V3: the"
                + " database applied it with checksum 1076560192 but this Harbour's V3 has checksum 1076560191");
    }

    @Test
    void anUnknownFailureGivesItsClassesButNotItsMessageWhichMayHoldPersonalData() {
        RuntimeException bug = new IllegalStateException("client RB-1987 at 12 Example St",
                new IllegalArgumentException("alias 'RB-1987'"));
        RuntimeException sql = new IllegalStateException("client RB-1987",
                new SQLException("Duplicate entry 'RB-1987' for key 'alias'", "23000", 1062));

        assertThat(StartupDiagnosis.line(bug, TARGET)).doesNotContain("RB-1987", "Example St")
                .contains("unexpected error IllegalStateException < IllegalArgumentException", "HARBOUR_LOG_LEVEL=DEBUG");
        assertThat(StartupDiagnosis.line(sql, TARGET)).doesNotContain("RB-1987", "alias")
                .contains("the database at db1.example:3306 answered error 1062, SQLState 23000", "HARBOUR_LOG_LEVEL=DEBUG");
    }

    @Test
    void ourOwnVerdictComesFirstWhateverItWraps() {
        StartupFailure verdict = new StartupFailure("HARBOUR_JWT_SECRET is required with an external database");
        verdict.initCause(new ConnectException());

        assertThat(StartupDiagnosis.cause(wrapped(verdict), TARGET)).isEqualTo(verdict.getMessage());
    }

    /** As Micronaut hands failures over: wrapped in a bean-creation exception or two. */
    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("Error instantiating bean of type [javax.sql.DataSource]",
                new RuntimeException("Failed to initialize pool", cause));
    }
}
