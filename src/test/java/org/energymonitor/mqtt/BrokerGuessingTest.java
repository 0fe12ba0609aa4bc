package org.energymonitor.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.energymonitor.app.RunningService;
import org.energymonitor.web.LoginLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password guessing against the embedded broker: a client address that guesses is locked out for a growing time. */
class BrokerGuessingTest {

    private static EmbeddedBroker broker(Path dir, int port, LoginLimits limits) {
        EmbeddedBroker broker = new EmbeddedBroker(new BrokerSettings("127.0.0.1", port, dir, 1000, "meter",
                "s3cret-pass", true, limits));
        broker.start();
        return broker;
    }

    @Test
    void an_address_that_guessed_is_refused_unchecked_even_with_the_right_password_until_its_lockout_ends(
            @TempDir Path dir) throws Exception {
        int port = RunningService.freePort();
        EmbeddedBroker broker = broker(dir, port, new LoginLimits(1, 4, 1));
        try {
            // wrong passwords until three were checked: those lock the address for 1 s, 2 s and then 4 s
            int[] checked = {0};
            RunningService.await(Duration.ofSeconds(60), "three checked wrong passwords", () -> {
                int code = PasswordGuesses.connect("127.0.0.1", port, "g", "meter", "guess");
                checked[0] += code == PasswordGuesses.BAD_LOGIN ? 1 : 0;
                return checked[0] == 3;
            });
            // the third answer was held back 1 s of the 4 s lockout
            assertEquals(PasswordGuesses.NOT_AUTHORIZED,
                    PasswordGuesses.connect("127.0.0.1", port, "g", "meter", "s3cret-pass"));
            RunningService.await(Duration.ofSeconds(30), "the lockout to end", () ->
                    PasswordGuesses.connect("127.0.0.1", port, "right", "meter", "s3cret-pass") == 0);
        } finally {
            broker.stop();
        }
    }

    @Test
    void guessing_from_one_address_is_slowed_to_a_few_checked_passwords(@TempDir Path dir) throws Exception {
        int port = RunningService.freePort();
        int threads = 4;
        EmbeddedBroker broker = broker(dir.resolve("broker"), port, LoginLimits.DEFAULTS);
        try {
            int[] n = PasswordGuesses.count("127.0.0.1", port, threads, 5000);
            System.out.printf("MQTT guessing, %d connection(s) at a time for 5 s: %d passwords checked (%.1f/s), "
                    + "%d refused unchecked%n", threads, n[0], n[0] / 5.0, n[1]);
            // before the lockout: about 3,500 checked a second with one connection, 7,000 with four
            assertTrue(n[0] <= 20, "checked guesses: " + n[0]);
        } finally {
            broker.stop();
        }
    }
}
