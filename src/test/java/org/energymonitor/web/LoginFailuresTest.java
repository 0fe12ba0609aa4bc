package org.energymonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginFailuresTest {

    private final LoginFailures failures = new LoginFailures(new LoginLimits(5, 300, 5));

    @Test
    void the_fifth_wrong_password_locks_an_address_for_a_second_and_each_further_one_doubles_it() {
        for (int i = 0; i < 4; i++) {
            assertEquals(0, failures.failed("10.0.0.9", 1000));
        }
        assertEquals(0, failures.lockedFor("10.0.0.9", 1000));
        assertEquals(1000, failures.failed("10.0.0.9", 1000));
        assertEquals(400, failures.lockedFor("10.0.0.9", 1600));
        assertEquals(0, failures.lockedFor("10.0.0.10", 1600));
        assertEquals(2000, failures.failed("10.0.0.9", 2000));
        assertEquals(4000, failures.failed("10.0.0.9", 4000));
        assertEquals(2, failures.lockouts() - 1);
    }

    @Test
    void the_lockout_stops_growing_at_its_maximum() {
        long lock = 0;
        for (int i = 0; i < 40; i++) {
            lock = failures.failed("10.0.0.9", 1000 + i);
        }
        assertEquals(300_000, lock);
    }

    @Test
    void a_correct_password_forgets_the_failures() {
        for (int i = 0; i < 5; i++) {
            failures.failed("10.0.0.9", 1000);
        }
        failures.succeeded("10.0.0.9");
        assertEquals(0, failures.lockedFor("10.0.0.9", 1000));
        assertEquals(0, failures.failed("10.0.0.9", 1000));
    }

    @Test
    void failures_older_than_the_longest_lockout_are_forgotten() {
        for (int i = 0; i < 4; i++) {
            failures.failed("10.0.0.9", 1000);
        }
        assertEquals(0, failures.failed("10.0.0.9", 1000 + 300_001));
    }
}
