package org.harbour.testdata;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The state of every table a request could change, in one string: equal before and after means it changed nothing. */
public final class Tables {

    private Tables() {
    }

    /** Rows, last ids and versions of every table a request could touch: equal means nothing changed. */
    public static String fingerprint() {
        WrittenBehind.awaitAll(); // a bed request answered before is written, not counted as a change made after
        Map<String, Object> row = Sql.row("""
                SELECT (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', username,
                               password_hash, role, organization_id, active, must_change_password))), 0)) FROM users) u,
                       (SELECT COUNT(*) FROM user_facilities) uf,
                       (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0)) FROM organizations) o,
                       (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', name,
                               address, confidential, region_code, intake_phone))), 0)) FROM facilities) f,
                       (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0), ':', COALESCE(SUM(capacity), 0), ':',
                               COALESCE(SUM(CRC32(name)), 0)) FROM programs) p,
                       (SELECT CONCAT(COALESCE(SUM(version), 0), ':', COALESCE(SUM(available), 0), ':', COALESCE(SUM(held), 0))
                          FROM availability) a,
                       (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0)) FROM availability_history) ah,
                       (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', alias, birth_year,
                               gender, needs, updated_at))), 0)) FROM clients) c,
                       (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0), ':', SUM(status = 'ACTIVE'), ':', COALESCE(SUM(CRC32(
                               CONCAT_WS('|', start_date, expected_end_date, end_date))), 0)) FROM placements) pl,
                       (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0), ':', SUM(status = 'ACTIVE')) FROM holds) h,
                       (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0), ':', SUM(status = 'WAITING')) FROM waitlist_entries) w,
                       (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0)) FROM bed_requests) b,
                       (SELECT COUNT(*) FROM bed_request_outcomes) bo,
                       (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0), ':', SUM(revoked)) FROM feed_keys) k,
                       (SELECT COUNT(*) FROM events WHERE type <> 'placement.ending') e,
                       (SELECT COUNT(*) FROM central_intake_calls) ci,
                       (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0)) FROM audit_log) al
                """);
        StringBuilder text = new StringBuilder();
        row.forEach((name, value) -> text.append(name).append('=')
                .append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value).append(' '));
        return text.toString();
    }
}
