package org.harbour.report;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.availability.NightBackfill;
import org.harbour.availability.Nights;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every history row carries the night it counts for (V16), whoever wrote it, by one rule. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredNightsTest implements HarbourTest {

    private static final ZoneId EDMONTON = ZoneId.of("America/Edmonton");

    @Inject
    EmbeddedServer server;
    @Inject
    NightBackfill backfill;

    @Test
    void theRuleIsFourInTheMorningLocalTimeAcrossDaylightSaving() {
        assertThat(Nights.of(local("2025-03-05T03:59"), EDMONTON)).isEqualTo(LocalDate.parse("2025-03-04"));
        assertThat(Nights.of(local("2025-03-05T04:00"), EDMONTON)).isEqualTo(LocalDate.parse("2025-03-05"));
        // the night clocks spring forward (9 March 2025): 04:00 MDT closes night 8
        assertThat(Nights.of(local("2025-03-09T03:30"), EDMONTON)).isEqualTo(LocalDate.parse("2025-03-08"));
        assertThat(Nights.of(local("2025-03-09T04:00"), EDMONTON)).isEqualTo(LocalDate.parse("2025-03-09"));
    }

    @Test
    void aStaffReportStoresItsNightInItsFacilitysZone() {
        long programId = edmontonProgram();
        Map<String, Object> row = Sql.row("SELECT changed_at, night FROM availability_history WHERE program_id = ?"
                + " ORDER BY id DESC LIMIT 1", programId);
        assertThat(date(row.get("night"))).isEqualTo(Nights.of(instant(row.get("changed_at")), EDMONTON));
    }

    @Test
    void theBackfillStoresTheNightOfOlderRowsByTheSameRule() {
        long programId = edmontonProgram();
        List<String> locals = List.of("2025-03-05T03:59", "2025-03-05T04:00", "2025-03-09T03:30", "2025-11-02T01:30");
        for (String at : locals) {
            Sql.update("INSERT INTO availability_history (program_id, capacity, available, held, out_of_service,"
                    + " occupied, version, changed_at, changed_by, source) VALUES (?, 10, 5, 0, 0, 5, 0, ?, 'old', 'STAFF')",
                    programId, LocalDateTime.ofInstant(local(at), ZoneOffset.UTC));
        }

        assertThat(backfill.fill()).isGreaterThanOrEqualTo(locals.size());

        List<Map<String, Object>> rows = Sql.rows("SELECT changed_at, night FROM availability_history"
                + " WHERE program_id = ? AND changed_by = 'old' ORDER BY id", programId);
        assertThat(rows).hasSize(locals.size());
        for (Map<String, Object> row : rows) {
            Instant changedAt = instant(row.get("changed_at"));
            assertThat(date(row.get("night"))).as("night of %s", changedAt).isEqualTo(Nights.of(changedAt, EDMONTON));
        }
        assertThat(Sql.number("SELECT COUNT(*) FROM availability_history WHERE night IS NULL")).isZero();
    }

    private long edmontonProgram() {
        Fixtures fixtures = new Fixtures(server.getURI());
        var facility = fixtures.facility(FacilityBuilder.defaultFacility().with("regionCode", "AB-NORTH")
                .with("timeZone", "America/Edmonton").withProgram(ProgramBuilder.defaultProgram().withCapacity(10)));
        fixtures.admin().put("/api/programs/" + facility.programId() + "/availability",
                Map.of("available", 5, "outOfService", 0));
        return facility.programId();
    }

    /** DATETIME columns hold UTC. */
    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toLocalDateTime().toInstant(ZoneOffset.UTC)
                : ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(EDMONTON).toInstant();
    }
}
