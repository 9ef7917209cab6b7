package org.harbour.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The environment contract of API.md "Running", without starting a database. */
class BootstrapTest {

    static final String EXTERNAL_URL = "jdbc:mysql://db.example:3306/harbour";
    static final String GOOD_SECRET = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dataDir;

    @Test
    void anExternalDatabaseWithoutAJwtSecretIsRefused() {
        assertThatThrownBy(() -> Bootstrap.fromEnvironment(Map.of("DATASOURCES_DEFAULT_URL", EXTERNAL_URL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HARBOUR_JWT_SECRET is required");
    }

    @Test
    void aSecretShorterThan32CharactersIsRefused() {
        String shortSecret = GOOD_SECRET.substring(1);

        assertThatThrownBy(() -> Bootstrap.fromEnvironment(Map.of(
                "DATASOURCES_DEFAULT_URL", EXTERNAL_URL, "HARBOUR_JWT_SECRET", shortSecret)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> Bootstrap.jwtSecret(Map.of(
                "HARBOUR_DATA_DIR", dataDir.toString(), "HARBOUR_JWT_SECRET", shortSecret)))
                .as("with the embedded database too, checked before it starts")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExternalDatabaseIsConfiguredFromTheEnvironmentWithoutDemoData() {
        Map<String, Object> props = Bootstrap.fromEnvironment(Map.of(
                "DATASOURCES_DEFAULT_URL", EXTERNAL_URL, "DATASOURCES_DEFAULT_USERNAME", "harbour",
                "DATASOURCES_DEFAULT_PASSWORD", "db-password", "HARBOUR_JWT_SECRET", GOOD_SECRET)).properties();

        assertThat(props).containsEntry("harbour.database.url", EXTERNAL_URL)
                .containsEntry("harbour.database.username", "harbour")
                .containsEntry("harbour.database.password", "db-password")
                .containsEntry("harbour.jwt-secret", GOOD_SECRET)
                .containsEntry("harbour.demo", false)
                .containsEntry("harbour.database.embedded", false);
    }

    @Test
    void theGeneratedSecretIsKeptOwnerOnlyAndReusedAcrossStarts() throws Exception {
        Map<String, String> env = Map.of("HARBOUR_DATA_DIR", dataDir.toString());

        String first = Bootstrap.jwtSecret(env);
        String second = Bootstrap.jwtSecret(env);

        assertThat(first).hasSizeGreaterThanOrEqualTo(Bootstrap.MIN_SECRET_LENGTH).isEqualTo(second);
        Path file = dataDir.resolve(Bootstrap.SECRET_FILE);
        assertThat(Files.readString(file).trim()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void eachDataFolderGetsItsOwnSecret() {
        String one = Bootstrap.jwtSecret(Map.of("HARBOUR_DATA_DIR", dataDir.resolve("one").toString()));
        String two = Bootstrap.jwtSecret(Map.of("HARBOUR_DATA_DIR", dataDir.resolve("two").toString()));

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void aKeptSecretReadableByOthersIsTightenedAndAnExplicitSecretWins() throws Exception {
        Path file = dataDir.resolve(Bootstrap.SECRET_FILE);
        Files.writeString(file, GOOD_SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(Bootstrap.jwtSecret(Map.of("HARBOUR_DATA_DIR", dataDir.toString()))).isEqualTo(GOOD_SECRET);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String explicit = GOOD_SECRET.toUpperCase();
        assertThat(Bootstrap.jwtSecret(Map.of("HARBOUR_DATA_DIR", dataDir.toString(), "HARBOUR_JWT_SECRET", explicit)))
                .isEqualTo(explicit);
    }

    @Test
    void aTruncatedKeptSecretIsRefusedWithAHint() throws Exception {
        Files.writeString(dataDir.resolve(Bootstrap.SECRET_FILE), "too-short");

        assertThatThrownBy(() -> Bootstrap.jwtSecret(Map.of("HARBOUR_DATA_DIR", dataDir.toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("delete the file");
    }

    @Test
    void theDataFolderDefaultsToDotHarbourInTheHomeFolder() {
        assertThat(Bootstrap.dataDir(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".harbour"));
        assertThat(Bootstrap.dataDir(Map.of("HARBOUR_DATA_DIR", "/srv/harbour"))).isEqualTo(Path.of("/srv/harbour"));
    }
}
