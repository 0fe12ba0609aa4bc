package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.energymonitor.web.PasswordHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password guessing against the dashboard: many clients guessing in parallel are locked out per address and capped
 * all together, without PBKDF2 work for the refused ones, and the open health check stays fast meanwhile.
 */
class PasswordGuessingTest {

    private static final int GUESSERS = 20;
    @TempDir
    static Path dir;
    static RunningService service;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        service = new RunningService(dir.resolve("data"), Map.of(
                "energy.http.username", "admin",
                "energy.http.password-hash", new PasswordHash().hash("s3cret"),
                "energy.http.api-token-sha256", HexFormat.of().formatHex(PasswordHash.sha256("metrics-token")))).start();
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static double metric(String name) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort()
                + "/observe/metrics")).header("Authorization", "Bearer metrics-token").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not in /observe/metrics"));
    }

    @Test
    void twenty_parallel_guessers_are_locked_out_without_hashing_and_the_health_check_keeps_answering() throws Exception {
        double checksBefore = metric("energy_http_password_checks_total");
        long start = System.nanoTime();
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<RawHttp.Answer> answers = new ConcurrentLinkedQueue<>();
        List<Thread> guessers = new ArrayList<>();
        for (int i = 0; i < GUESSERS; i++) {
            String from = "127.0.0." + (10 + i);
            Thread t = new Thread(() -> {
                for (int n = 0; !stop.get(); n++) {
                    try {
                        answers.add(RawHttp.get(from, service.httpPort(), "/status", basic("admin", "guess-" + n)));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            t.start();
            guessers.add(t);
        }
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch samples = new CountDownLatch(250);
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort()
                + "/observe/health")).build();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> {
            long t0 = System.nanoTime();
            try {
                http.send(health, HttpResponse.BodyHandlers.discarding());
                micros.add((System.nanoTime() - t0) / 1000);
                samples.countDown();
            } catch (Exception e) {
                micros.add(Long.MAX_VALUE / 2);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        boolean sampled = samples.await(60, TimeUnit.SECONDS);
        sampler.shutdownNow();
        stop.set(true);
        for (Thread t : guessers) {
            t.join(60_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double checks = metric("energy_http_password_checks_total") - checksBefore;

        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        long p50 = sorted.get(sorted.size() / 2);
        long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
        long refused = answers.stream().filter(a -> a.status() == 429).count();
        long denied = answers.stream().filter(a -> a.status() == 401).count();
        System.out.printf("HTTP guessing: %d guessers for %.1f s: %d answers (%d x 401 after PBKDF2, %d x 429 unchecked), "
                + "%.0f PBKDF2 checks; /observe/health over %d samples: median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                GUESSERS, seconds, answers.size(), denied, refused, checks, sorted.size(), p50 / 1000.0, p99 / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);

        assertTrue(sampled, "250 health samples within a minute");
        // the p99 is printed above, not asserted (a time belongs in a benchmark): every health request was answered
        assertTrue(sorted.get(sorted.size() - 1) < Long.MAX_VALUE / 2, "a health request failed during the flood");
        assertTrue(refused > 0, "no guess was refused with 429");
        for (RawHttp.Answer a : answers) {
            assertTrue(a.status() == 401 || a.status() == 429, "answer " + a.status());
            if (a.status() == 429) {
                assertTrue(Integer.parseInt(a.headers().get("retry-after")) >= 1, a.headers().toString());
                assertTrue(a.body().startsWith("{\"error\":"), a.body());
            }
        }
        // the global cap: 5 checks a second, bursts of 10 (and every 429 was answered without one); 20 guessers
        // mostly meet the cap before their address's own lockout (PasswordGuessingTest's second test shows that)
        assertTrue(checks > 0 && checks <= 10 + 5 * seconds + 5, "PBKDF2 checks: " + checks + " in " + seconds + " s");
        assertEquals(denied, checks, 1.0, "every 401 to a guess is one PBKDF2 check, every 429 none");
        assertTrue(metric("energy_http_login_refused_total") >= refused, "refused");
    }

    @Test
    void a_locked_out_address_is_refused_unchecked_even_with_the_right_password_but_a_remembered_login_still_works()
            throws Exception {
        String from = "127.0.0.50";
        int port = service.httpPort();
        String remembered = basic("admin", "s3cret");
        double lockouts = metric("energy_http_login_lockouts_total");
        RunningService.await(Duration.ofSeconds(30), "a first login", () ->
                RawHttp.get(from, port, "/status", remembered).status() == 200);
        RunningService.await(Duration.ofSeconds(60), "a lockout of at least 3 s", () -> {
            RawHttp.Answer a = RawHttp.get(from, port, "/status", basic("admin", "guess"));
            return a.status() == 429 && a.body().contains("this address")
                    && Integer.parseInt(a.headers().get("retry-after")) >= 3;
        });
        // the same credentials in a header not seen before ("basic" in lower case) would need PBKDF2: refused
        RawHttp.Answer locked = RawHttp.get(from, port, "/status", "basic " + remembered.substring(6));
        assertEquals(429, locked.status(), locked.body());
        assertTrue(locked.headers().containsKey("retry-after"));
        assertEquals(200, RawHttp.get(from, port, "/status", remembered).status());
        assertEquals(200, RawHttp.get("127.0.0.51", port, "/status", remembered).status());
        assertTrue(metric("energy_http_login_lockouts_total") >= lockouts + 3, "lockouts of 1 s, 2 s and 4 s");
    }
}
