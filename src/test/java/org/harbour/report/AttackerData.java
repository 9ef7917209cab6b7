package org.harbour.report;

import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.ProgramBuilder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A data set of small groups for {@link SuppressionAttackTest}, made from one seed: programs in four regions of
 * three time zones and several types, populations and capacity types; people with 1-4 placements (moves, gaps,
 * hotel stays at a nightly cost), some of them after a wait; door outcomes by new and returning people. Programs
 * are made through the API; people's rows are written straight to the test's own database, as the service would
 * have, and kept here too so the test can work out every true figure itself. Counts of beds (a few changes per
 * program) and bed requests (regions or none, types or none, stated needs or none) give the exact figures.
 *
 * ON-EAST holds the two attacks: five people placed on 12-03 or 12-04 and a sixth on 12-05 (2024), nobody
 * else in December; one person placed five times in a row in February 2025; a single hotel stay in January 2025.
 */
final class AttackerData {

    static final LocalDate FIRST = LocalDate.of(2024, 10, 1);
    static final LocalDate LAST = LocalDate.of(2025, 3, 31);
    static final String EAST = "ON-EAST";
    static final List<String> REGIONS = List.of("ON-CENTRAL", "BC-ISLAND", "AB-CALGARY", EAST);
    static final List<String> OUTCOMES = List.of("ARRIVED", "NO_SHOW", "REFUSED_AT_DOOR");
    static final List<String> REASONS = List.of("GENDER", "SUBSTANCE_USE", "CHILDREN", "SAFETY", "OTHER");

    record Program(long id, String region, String type, String population, String capacityType, ZoneId zone) {
        String value(String dimension) {
            return switch (dimension) {
                case "region" -> region;
                case "type" -> type;
                case "population" -> population;
                case "capacityType" -> capacityType;
                default -> throw new IllegalArgumentException(dimension);
            };
        }
    }

    record Placement(long client, Program program, LocalDate start, LocalDate end, Double nightlyCost) {
    }

    /** A hold that ended at the door on a local date of its facility's zone. */
    record Door(long person, Program program, LocalDate localDate, String outcome, String reason) {
    }

    final List<Program> programs = new ArrayList<>();
    final List<Placement> placements = new ArrayList<>();
    final List<Door> doors = new ArrayList<>();
    private final List<Object[]> waits = new ArrayList<>(); // client, created, closed
    /** The first and last dates anything happened on (UTC), for the default range. */
    LocalDate firstDay = LAST;
    LocalDate lastDay = FIRST;
    private final Random random;
    private long nextClient = 1000;

    AttackerData(long seed) {
        random = new Random(seed);
    }

    void build(Fixtures fixtures, String jdbcUrl, String user) {
        program(fixtures, "ON-CENTRAL", "EMERGENCY_SHELTER", "MIXED_ADULT", "BED");
        program(fixtures, "ON-CENTRAL", "DV_SHELTER", "WOMEN", "BED");
        program(fixtures, "ON-CENTRAL", "HOTEL_MOTEL", "FAMILIES", "ROOM");
        program(fixtures, "ON-CENTRAL", "YOUTH_SHELTER", "YOUTH", "BED");
        program(fixtures, "BC-ISLAND", "EMERGENCY_SHELTER", "MEN", "BED");
        program(fixtures, "BC-ISLAND", "HOTEL_MOTEL", "FAMILIES", "ROOM");
        program(fixtures, "BC-ISLAND", "DV_SHELTER", "WOMEN", "ROOM");
        program(fixtures, "AB-CALGARY", "EMERGENCY_SHELTER", "MIXED_ADULT", "BED");
        program(fixtures, "AB-CALGARY", "HOTEL_MOTEL", "WOMEN", "ROOM");
        program(fixtures, "AB-CALGARY", "TRANSITIONAL_HOUSING", "FAMILIES", "ROOM");
        Program eastShelter = program(fixtures, EAST, "EMERGENCY_SHELTER", "MEN", "BED");
        Program eastHotel = program(fixtures, EAST, "HOTEL_MOTEL", "FAMILIES", "ROOM");
        int randomPrograms = programs.size() - 2;
        for (int person = 0; person < 90; person++) {
            person(randomPrograms);
        }
        for (int i = 0; i < 160; i++) {
            door(randomPrograms);
        }
        // the attacks, in ON-EAST
        for (int i = 0; i < 5; i++) {
            placements.add(new Placement(nextClient++, eastShelter, LocalDate.of(2024, 12, 3 + i % 2),
                    LocalDate.of(2024, 12, 20), null));
        }
        placements.add(new Placement(nextClient++, eastShelter, LocalDate.of(2024, 12, 5), LocalDate.of(2024, 12, 20), null));
        long often = nextClient++;
        for (int i = 0; i < 5; i++) {
            placements.add(new Placement(often, eastShelter, LocalDate.of(2025, 2, 3 + 2 * i), LocalDate.of(2025, 2, 5 + 2 * i), null));
        }
        placements.add(new Placement(nextClient++, eastHotel, LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 13), 150.0));
        write(jdbcUrl, user);
    }

    private Program program(Fixtures fixtures, String region, String type, String population, String capacityType) {
        ZoneId zone = ZoneId.of(region.startsWith("BC") ? "America/Vancouver"
                : region.startsWith("AB") ? "America/Edmonton" : "America/Toronto");
        long id = fixtures.facility(FacilityBuilder.defaultFacility().with("regionCode", region).with("timeZone", zone.getId())
                .withProgram(ProgramBuilder.defaultProgram().with("type", type).with("population", population)
                        .with("capacityType", capacityType).withCapacity(30))).programId();
        Program program = new Program(id, region, type, population, capacityType, zone);
        programs.add(program);
        return program;
    }

    /** Small groups: a few programs get most people, so others have one to four in a month. */
    private Program someProgram(int count) {
        int a = random.nextInt(count);
        int b = random.nextInt(count);
        return programs.get(Math.min(a, b));
    }

    private void person(int programCount) {
        long client = nextClient++;
        LocalDate start = FIRST.plusDays(random.nextInt(170));
        int stays = 1 + random.nextInt(4);
        Program program = someProgram(programCount);
        for (int i = 0; i < stays && !start.isAfter(LAST); i++) {
            LocalDate end = start.plusDays(1 + random.nextInt(20));
            Double cost = program.type().equals("HOTEL_MOTEL") && random.nextInt(4) > 0 ? 100.0 + random.nextInt(60) : null;
            placements.add(new Placement(client, program, start, end, cost));
            if (i == 0 && random.nextBoolean()) {
                LocalDateTime placedAt = start.atTime(13, 0);
                waits.add(new Object[]{client, placedAt.minusDays(1 + random.nextInt(15)).minusHours(random.nextInt(20)), placedAt});
            }
            start = random.nextBoolean() ? end : end.plusDays(2 + random.nextInt(40)); // a move, or a gap
            if (random.nextInt(3) == 0) {
                program = someProgram(programCount);
            }
        }
    }

    private void door(int programCount) {
        long person = doors.isEmpty() || random.nextInt(10) < 7 ? nextClient++
                : doors.get(random.nextInt(doors.size())).person();
        String outcome = OUTCOMES.get(random.nextInt(2) == 0 ? 0 : 1 + random.nextInt(2));
        String reason = outcome.equals("REFUSED_AT_DOOR") ? REASONS.get(Math.min(random.nextInt(5), random.nextInt(5))) : null;
        doors.add(new Door(person, someProgram(programCount), FIRST.plusDays(random.nextInt(182)), outcome, reason));
    }

    private void write(String jdbcUrl, String user) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, "")) {
            long admin = single(db, "SELECT id FROM users WHERE username = 'admin'");
            long organization = single(db, "SELECT MIN(id) FROM organizations");
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO placements (client_id, program_id, organization_id, start_date, end_date, end_reason,
                                            status, nightly_cost, created_by, created_at, ended_at)
                    VALUES (?, ?, ?, ?, ?, 'HOUSED', 'ENDED', ?, ?, ?, ?)""")) {
                for (Placement p : placements) {
                    seen(p.start());
                    Object[] values = {p.client(), p.program().id(), organization, p.start(), p.end(), p.nightlyCost(),
                            admin, utc(p.start().atTime(13, 0)), utc(p.end().atTime(13, 0))};
                    batch(insert, values);
                }
                insert.executeBatch();
            }
            beds(db, admin);
            requests(db, admin);
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO waitlist_entries (client_id, organization_id, type, region_code, priority, status,
                                                  created_at, closed_at)
                    VALUES (?, ?, 'EMERGENCY_SHELTER', 'ON-CENTRAL', 2, 'PLACED', ?, ?)""")) {
                for (Object[] w : waits) {
                    batch(insert, w[0], organization, utc((LocalDateTime) w[1]), utc((LocalDateTime) w[2]));
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO holds (program_id, client_id, organization_id, created_by, created_at, expires_at,
                                       status, ended_at, door_outcome, door_reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Door d : doors) {
                    seen(d.localDate());
                    // noon on the local date, in the facility's zone, stored in UTC as the service stores instants
                    LocalDateTime ended = LocalDateTime.ofInstant(d.localDate().atTime(12, 0).atZone(d.program().zone())
                            .toInstant(), ZoneOffset.UTC);
                    batch(insert, d.program().id(), d.person(), organization, admin, utc(ended.minusHours(1)),
                            utc(ended.plusHours(1)), d.outcome().equals("ARRIVED") ? "CONSUMED" : "RELEASED",
                            utc(ended), d.outcome(), d.reason());
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each program's counts at noon local on 10-01 and on three more days (capacity 30, some of it occupied). */
    private void beds(Connection db, long admin) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO availability_history (program_id, capacity, available, held, out_of_service, occupied,
                                                  version, changed_at, changed_by, source)
                VALUES (?, 30, ?, 0, 0, ?, 0, ?, 'attacker-data', 'STAFF')""")) {
            for (Program p : programs) {
                for (int i = 0; i < 4; i++) {
                    LocalDate day = i == 0 ? FIRST : FIRST.plusDays(random.nextInt(182));
                    int occupied = random.nextInt(31);
                    LocalDateTime at = LocalDateTime.ofInstant(day.atTime(12, 0).atZone(p.zone()).toInstant(), ZoneOffset.UTC);
                    batch(insert, p.id(), 30 - occupied, occupied, utc(at));
                    seen(at.toLocalDate());
                }
            }
            insert.executeBatch();
        }
    }

    /** Searches made in the range: a region or none, up to two types, a stated woman, man, youth or family, or nothing. */
    private void requests(Connection db, long admin) throws SQLException {
        List<String> types = List.of("EMERGENCY_SHELTER", "DV_SHELTER", "HOTEL_MOTEL", "YOUTH_SHELTER");
        List<String> needs = List.of("{}", "{\"gender\": \"WOMAN\", \"age\": 30}", "{\"gender\": \"MAN\"}",
                "{\"age\": 19}", "{\"children\": 2}");
        long firstId = takeBedRequestIds(db, 120);
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO bed_requests (id, user_id, region_code, types, needs, admit_now, match_count, unmet, created_at)
                VALUES (?, ?, ?, ?, ?, FALSE, 0, ?, ?)""")) {
            for (int i = 0; i < 120; i++) {
                String region = random.nextInt(5) == 0 ? null : REGIONS.get(random.nextInt(REGIONS.size()));
                int count = random.nextInt(3);
                String asked = count == 0 ? "" : String.join(",", types.subList(i % 3, i % 3 + count));
                LocalDateTime at = FIRST.plusDays(random.nextInt(182)).atTime(random.nextInt(24), random.nextInt(60));
                batch(insert, firstId + i, admin, region, asked, needs.get(random.nextInt(needs.size())), random.nextBoolean(),
                        utc(at));
                seen(at.toLocalDate());
            }
            insert.executeBatch();
        }
    }

    /** Bed request ids are taken from id_blocks (V32), as the service takes them: the first of {@code count}. */
    private static long takeBedRequestIds(Connection db, int count) throws SQLException {
        try (PreparedStatement take = db.prepareStatement("""
                UPDATE id_blocks
                   SET next_id = LAST_INSERT_ID(GREATEST(next_id, (SELECT COALESCE(MAX(id), 0) + 1 FROM bed_requests)) + ?)
                 WHERE name = 'bed_requests'""")) {
            take.setInt(1, count);
            take.executeUpdate();
        }
        try (PreparedStatement last = db.prepareStatement("SELECT LAST_INSERT_ID()");
             java.sql.ResultSet rs = last.executeQuery()) {
            rs.next();
            return rs.getLong(1) - count;
        }
    }

    private void seen(LocalDate day) {
        firstDay = day.isBefore(firstDay) ? day : firstDay;
        lastDay = day.isAfter(lastDay) ? day : lastDay;
    }

    private static void batch(PreparedStatement insert, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
        insert.addBatch();
    }

    /** A UTC wall time as the database stores instants, bound as text so no driver time zone shifts it. */
    private static String utc(LocalDateTime time) {
        return time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
