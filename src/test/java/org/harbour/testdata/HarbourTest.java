package org.harbour.testdata;

import io.micronaut.test.support.TestPropertyProvider;

import java.util.Map;

/**
 * Implemented by every @MicronautTest class: points its context at the shared test MariaDB. Use it with
 * {@code @MicronautTest(transactional = false)} (a test-wide transaction would hide the service's commits
 * from HTTP readers) and {@code @TestInstance(PER_CLASS)} (which property providers need).
 */
public interface HarbourTest extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        return TestDatabase.properties();
    }
}
