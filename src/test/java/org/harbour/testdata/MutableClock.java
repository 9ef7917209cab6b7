package org.harbour.testdata;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Replaces the service clock in contexts with harbour.test.mutable-clock=true, so tests move time. */
@Singleton
@Replaces(Clock.class)
@Requires(property = "harbour.test.mutable-clock", value = "true")
public class MutableClock extends Clock {

    private volatile Instant now = Instant.now();

    /** Test database properties with this clock in charge, and expiry left to the test. */
    public static java.util.Map<String, String> properties() {
        return TestDatabase.properties(java.util.Map.of("harbour.test.mutable-clock", "true",
                "harbour.hold-expiry-interval", "1h")); // the test drives expiry itself
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
