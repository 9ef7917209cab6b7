package org.harbour.fuzz;

import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generators (QuickTheories) of what a careless or hostile caller sends: JSON of every shape, values of
 * the wrong type and size, unicode that breaks naive code, ids that are not ids, odd headers. Every
 * choice is drawn from the randomness source, so a failure shrinks towards a small example.
 */
final class BadInput {

    private BadInput() {
    }

    static final List<String> FIELDS = List.of("alias", "birthYear", "gender", "needs", "consentToShare", "clientId",
            "programId", "holdId", "minutes", "startDate", "expectedEndDate", "endDate", "date", "reason", "toProgramId",
            "nightlyCost", "priority", "type", "regionCode", "types", "admitNow", "outcome", "available", "outOfService",
            "version", "username", "password", "role", "organization", "facilityIds", "name", "address", "confidential",
            "timeZone", "intakeHours", "programs", "capacity", "capacityType", "population", "eligibility", "maxStayDays",
            "age", "children", "pets", "language", "weekly", "day", "open", "close", "alwaysOpen", "genders", "minAge");

    static final List<Object> ODD_VALUES = List.of(
            "", " ", "null", "true", "0", "-1", "1e309", "NaN", "\u0000", "\uFEFF", "\u202Eevil", "😀".repeat(50),
            "ñ".repeat(300), "x".repeat(10_000), "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}", "../../etc/passwd",
            "2026-02-30", "2026-13-01", "9999-12-31", "0000-01-01", "25:61", "WOMAN", "DETOX", "ON-CENTRAL", "BED",
            "1999-12-31", "2101-01-01", "+10000-01-01", "-0001-01-01", "+10000-01-01T00:00:00Z", "1999-12-31T23:59:59Z",
            "a\u0000b", "a\u001Fb", "a\u007Fb", "a\u0085b", "a\tb", "a\nb", "a\u202Ab", "a\u2066b", "a\u2069b",
            0, -1, 1, 2, 15, 240, 241, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
            new java.math.BigInteger("123456789012345678901234567890"), 1.5, -0.0, 1e308, Double.MIN_VALUE,
            true, false, List.of(), List.of(1, "a", List.of()), Map.of(), Map.of("a", Map.of("b", List.of(Map.of()))));

    /** Dates that read as dates and fall outside the one window Harbour accepts (problem/DateWindow). */
    static final List<String> OUT_OF_WINDOW_DATES = List.of("1999-12-31", "2101-01-01", "9999-12-31", "+10000-01-01",
            "-0001-01-01", "0000-01-01");

    /** Free text no field may hold (problem/FreeText): control characters, bidirectional overrides and isolates. */
    static final List<String> CONTROLLED_TEXT = List.of("a\u0000b", "a\u0001b", "a\tb", "a\nb", "a\rb", "a\u001Fb",
            "a\u007Fb", "a\u0085b", "\u202Eevil", "a\u202Ab", "a\u202Db", "a\u2066b", "a\u2069b", "end\u0000");

    static final List<String> RAW_BODIES = List.of("", "{", "}", "[", "null", "\"\"", "0", "-", "{\"a\":}", "{,}", "{\"a\" 1}",
            "[".repeat(3000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "{\"alias\": \"\\ud800\"}", "\u0000\u0001\u0002",
            "{\"available\": 1e99999}", "{\"available\": 0x10}", "{\"available\": 01}", "{\"available\": .5}",
            "{\"needs\": {\"age\": 1e3000}}", "{'single': 'quotes'}", "{\"a\": 1} trailing", "\uFEFF{}", "{\"a\": 1,}");

    static final List<String> ODD_IDS = List.of("0", "-1", "abc", "1.5", "1e3", "99999999999999999999", "9223372036854775807",
            "-9223372036854775808", "%00", "%FF", "%F0%9F%98%80", "1%20OR%201=1", "null", "%2e%2e", "007", "+1", "%20");

    static final List<String> ACCEPTS = List.of("application/json", "*/*", "text/csv", "application/xml", "text/html",
            "application/problem+json", "image/png", "garbage", "text/csv;q=0.1, application/json;q=0.9", "");

    static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=UTF-8",
            "application/json; charset=ISO-8859-1", "text/plain", "text/csv", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/xml", "garbage/garbage", "application/problem+json");

    static final List<String> QUERY_NAMES = List.of("from", "to", "groupBy", "regionCode", "type", "population",
            "capacityType", "programId", "endingWithinDays", "username", "objectType", "objectId", "action", "limit",
            "remoteAddress", "since", "page", "size", "sort", "access_token");

    static int pick(RandomnessSource in, int size) {
        return (int) in.next(Constraint.between(0, size - 1));
    }

    static boolean chance(RandomnessSource in, int percent) {
        return in.next(Constraint.between(0, 99)) < percent;
    }

    static <T> T oneOf(RandomnessSource in, List<T> values) {
        return values.get(pick(in, values.size()));
    }

    /** A random JSON value, nested up to depth levels. */
    static Object json(RandomnessSource in, int depth) {
        int kind = pick(in, depth > 0 ? 5 : 3);
        return switch (kind) {
            case 0 -> oneOf(in, ODD_VALUES);
            case 1 -> string(in);
            case 2 -> number(in);
            case 3 -> {
                List<Object> list = new ArrayList<>();
                for (int i = pick(in, 4); i > 0; i--) {
                    list.add(json(in, depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = pick(in, 5); i > 0; i--) {
                    map.put(chance(in, 80) ? oneOf(in, FIELDS) : string(in), json(in, depth - 1));
                }
                yield map;
            }
        };
    }

    static Object number(RandomnessSource in) {
        return switch (pick(in, 4)) {
            case 0 -> in.next(Constraint.between(-1000, 1000));
            case 1 -> in.next(Constraint.none());
            case 2 -> Double.longBitsToDouble(in.next(Constraint.none()));
            default -> new java.math.BigDecimal(in.next(Constraint.none())).scaleByPowerOfTen((int) in.next(Constraint.between(-400, 400)));
        };
    }

    static String string(RandomnessSource in) {
        StringBuilder text = new StringBuilder();
        int length = (int) in.next(Constraint.between(0, chance(in, 5) ? 5000 : 24));
        for (int i = 0; i < length; i++) {
            int codePoint = switch (pick(in, 4)) {
                case 0 -> (int) in.next(Constraint.between(0x20, 0x7E));
                case 1 -> (int) in.next(Constraint.between(0, 0x1F));
                case 2 -> (int) in.next(Constraint.between(0x80, 0xFFFF));
                default -> (int) in.next(Constraint.between(0x10000, 0x10FFFF));
            };
            if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
                text.append('\uFFFD');
            } else {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    /** A valid body with one thing wrong: a field changed, removed, doubled in type, or junk added. */
    static Object mutate(RandomnessSource in, Map<String, Object> valid) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        List<String> keys = new ArrayList<>(body.keySet());
        int changes = 1 + pick(in, 2);
        for (int i = 0; i < changes; i++) {
            int what = pick(in, keys.isEmpty() ? 1 : 4);
            if (what == 0) {
                body.put(oneOf(in, FIELDS), json(in, 2));
            } else if (what == 1) {
                body.put(oneOf(in, keys), json(in, 2));
            } else if (what == 2) {
                body.remove(oneOf(in, keys));
            } else {
                body.put(oneOf(in, keys), oneOf(in, ODD_VALUES));
            }
        }
        return body;
    }

    static String query(RandomnessSource in) {
        StringBuilder query = new StringBuilder();
        for (int i = pick(in, 4); i > 0; i--) {
            Object value = chance(in, 50) ? oneOf(in, ODD_VALUES) : json(in, 0);
            query.append(query.isEmpty() ? "?" : "&").append(oneOf(in, QUERY_NAMES)).append('=')
                    .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /** Printable header values only: java.net.http refuses control characters, as any proxy would. */
    static String headerValue(RandomnessSource in) {
        String raw = chance(in, 50) ? String.valueOf(oneOf(in, ODD_VALUES)) : string(in);
        StringBuilder printable = new StringBuilder();
        raw.codePoints().filter(c -> c >= 0x20 && c < 0x7F).limit(2000).forEach(printable::appendCodePoint);
        return printable.toString().strip();
    }

    static Gen<Integer> seeds() {
        return in -> (int) in.next(Constraint.none());
    }
}
