package org.harbour.importer;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.util.List;

/** Upserts days into central_intake_calls (V14): a day imported again takes the file's figures. */
@Singleton
class CentralIntakeWriter {

    static final int BATCH = 1000;

    private static final String UPSERT = """
            INSERT INTO central_intake_calls (call_date, calls_handled, calls_coded,
                code_1a_referred_to_space, code_1b_transferred_to_awhl, code_1c_referred_to_eviction_prevention,
                code_1d_declined_space, code_2a_internal_transfer, code_2b_external_transfer,
                code_2c_information_homelessness, code_2d_information_other, code_3a_unavailable_family,
                code_3b_unavailable_individuals, code_3c_follow_up, code_4a_dead_air, code_4b_disconnected)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE calls_handled = VALUES(calls_handled), calls_coded = VALUES(calls_coded),
                code_1a_referred_to_space = VALUES(code_1a_referred_to_space),
                code_1b_transferred_to_awhl = VALUES(code_1b_transferred_to_awhl),
                code_1c_referred_to_eviction_prevention = VALUES(code_1c_referred_to_eviction_prevention),
                code_1d_declined_space = VALUES(code_1d_declined_space),
                code_2a_internal_transfer = VALUES(code_2a_internal_transfer),
                code_2b_external_transfer = VALUES(code_2b_external_transfer),
                code_2c_information_homelessness = VALUES(code_2c_information_homelessness),
                code_2d_information_other = VALUES(code_2d_information_other),
                code_3a_unavailable_family = VALUES(code_3a_unavailable_family),
                code_3b_unavailable_individuals = VALUES(code_3b_unavailable_individuals),
                code_3c_follow_up = VALUES(code_3c_follow_up), code_4a_dead_air = VALUES(code_4a_dead_air),
                code_4b_disconnected = VALUES(code_4b_disconnected)
            """;

    private final JdbcOperations jdbc;

    CentralIntakeWriter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void write(List<IntakeDay> days) {
        jdbc.prepareStatement(UPSERT, (PreparedStatement upsert) -> {
            int batched = 0;
            for (IntakeDay day : days) {
                upsert.setDate(1, Date.valueOf(day.date()));
                upsert.setInt(2, day.callsHandled());
                upsert.setInt(3, day.callsCoded());
                for (int i = 0; i < day.codes().length; i++) {
                    upsert.setInt(4 + i, day.codes()[i]);
                }
                upsert.addBatch();
                if (++batched == BATCH) {
                    upsert.executeBatch();
                    batched = 0;
                }
            }
            if (batched > 0) {
                upsert.executeBatch();
            }
            return null;
        });
    }
}
