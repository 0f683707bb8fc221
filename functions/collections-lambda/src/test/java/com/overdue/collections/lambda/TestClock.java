package com.overdue.collections.lambda;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A settable clock that replaces the system clock in tests, so business dates are chosen by the test. */
@ApplicationScoped
public class TestClock {

    private static volatile Instant now = Instant.parse("2026-03-01T00:00:00Z");

    public static void set(String instant) {
        now = Instant.parse(instant);
    }

    public static Instant now() {
        return now;
    }

    @Produces
    @Alternative
    @Priority(100)
    @Singleton
    Clock clock() {
        return new Clock() {
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
        };
    }
}
