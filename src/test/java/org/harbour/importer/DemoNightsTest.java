package org.harbour.importer;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.harbour.platform.EmbeddedDatabase;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo (HARBOUR_DEMO on an empty database) loads two real weeks of Toronto nights through the importer. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoNightsTest implements HarbourTest {

    static final String DATABASE = "harbour_demo_nights";

    /** An empty database of its own on the test server: the demo loads only into an empty one. */
    @Override
    public Map<String, String> getProperties() {
        run("DROP DATABASE IF EXISTS " + DATABASE, "CREATE DATABASE " + DATABASE);
        Map<String, String> properties = TestDatabase.properties(Map.of(
                "harbour.database.url", TestDatabase.get().jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE + "?", "/" + DATABASE + "?"),
                "harbour.demo", "true"));
        // The demo creates its own "admin"; HARBOUR_ADMIN_USERNAME=admin as well races it at start (both insert).
        properties.remove("harbour.admin.username");
        properties.remove("harbour.admin.password");
        return properties;
    }

    @Test
    void theDemoHasEveryRowOfTheTwoWeeksBesideItsInventedNetwork() {
        List<Map<String, String>> rows = OpenData.rows(OpenData.resource("db/demo/toronto-occupancy-2024-03-12_to_2024-03-25.csv"));

        assertThat(number("SELECT COUNT(*) FROM availability_history WHERE source = 'IMPORT'")).isEqualTo(rows.size());
        assertThat(number("SELECT COUNT(DISTINCT DATE(CONVERT_TZ(changed_at, '+00:00', '-04:00'))) FROM availability_history WHERE source = 'IMPORT'"))
                .as("14 nights (EDT from March 10)").isEqualTo(14);
        assertThat(number("SELECT COUNT(*) FROM facilities WHERE external_ref LIKE 'toronto-location:%'"))
                .isEqualTo(rows.stream().map(r -> r.get("LOCATION_ID")).distinct().count());
        assertThat(number("SELECT COUNT(*) FROM programs WHERE external_ref LIKE 'toronto-program:%'"))
                .isEqualTo(rows.stream().map(r -> r.get("PROGRAM_ID")).distinct().count());
        assertThat(number("SELECT COUNT(*) FROM facilities WHERE name = 'Harbour House'")).as("the invented network").isEqualTo(1);
    }

    private static long number(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... sql) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.get().jdbcUrl(), EmbeddedDatabase.USER, "");
             Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestDatabase.get().jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE + "?", "/" + DATABASE + "?"),
                EmbeddedDatabase.USER, "");
    }
}
