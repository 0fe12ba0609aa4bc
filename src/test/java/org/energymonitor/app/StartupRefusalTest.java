package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused start ends the process with a non-zero exit status and the reason on standard error, also while the
 * embedded broker (whose threads are not daemons) is running: each case runs the real entry point in a child JVM.
 * The time from the logged refusal to the exit is printed; the target (10 s) is checked by reading it, not asserted.
 */
class StartupRefusalTest {

    @TempDir
    Path dir;

    record Ended(int code, String stderr, long msAfterRefusalLogged) {
    }

    private Ended start(String... properties) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", RunningService.childClassPath(),
                "-Denergy.data.dir=" + dir.resolve("data"),
                "-Denergy.mqtt.embedded.port=" + RunningService.freePort(),
                "-Denergy.http.port=" + RunningService.freePort()));
        for (String p : properties) {
            command.add("-D" + p);
        }
        command.add(EnergyMonitor.class.getName());
        Path out = dir.resolve("out.log");
        Path err = dir.resolve("err.log");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long refusalSeen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (refusalSeen == 0 && (Files.size(err) > 0 || Files.readString(out, StandardCharsets.UTF_8).contains(" ERROR "))) {
                refusalSeen = System.nanoTime();
            }
            p.waitFor(20, TimeUnit.MILLISECONDS);
        }
        if (p.isAlive()) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the refused start still runs after 90 s; its log:\n" + Files.readString(out));
        }
        long ms = refusalSeen == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - refusalSeen);
        System.out.println("refused start exited " + ms + " ms after the refusal was logged");
        return new Ended(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8), ms);
    }

    private static void assertRefused(Ended ended, String reason) {
        assertNotEquals(0, ended.code(), "exit status");
        String last = ended.stderr().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("energy-monitor: start-up refused: ") && last.contains(reason),
                "the reason as the last line on stderr: " + ended.stderr());
    }

    @Test
    void the_http_port_in_use_ends_the_process_with_the_embedded_broker_running() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertRefused(start("energy.http.port=" + taken.getLocalPort()), "Address already in use");
        }
    }

    @Test
    void a_lan_bind_of_the_embedded_broker_without_credentials_ends_the_process() throws Exception {
        assertRefused(start("energy.mqtt.embedded.host=0.0.0.0"), "without a password");
    }

    @Test
    void an_operator_route_with_an_unknown_bean_ends_the_process_with_the_file_and_line() throws IOException, Exception {
        Path routes = Files.createDirectories(dir.resolve("routes.d"));
        Path broken = routes.resolve("broken.yaml");
        Files.writeString(broken, """
                - route:
                    id: broken-route
                    description: calls a bean nobody binds
                    from:
                      uri: event:reading-stored
                      steps:
                        - bean:
                            ref: noSuchBean
                """);
        assertRefused(start("energy.routes.dir=" + routes), broken + " line 7 (route broken-route): no bean 'noSuchBean'");
    }
}
