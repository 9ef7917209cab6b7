package org.harbour.testdata;

import io.micronaut.test.support.TestPropertyProvider;

import java.util.Map;

/**
 * Implemented by every @MicronautTest class (with @TestInstance(PER_CLASS), which property providers
 * need): points its context at the shared test MariaDB.
 */
public interface HarbourTest extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        return TestDatabase.properties();
    }
}
