package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A Mosquitto of the test's own (Debian's {@code /usr/sbin/mosquitto}) with persistence in a temporary folder, which
 * the test stops and starts with the listeners it chooses. In CI ({@code CI=true}) a missing Mosquitto fails the test.
 */
final class OwnMosquitto implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/sbin/mosquitto");
    private final Path dir;
    private Process process;

    OwnMosquitto(Path dir) {
        if (!Files.isExecutable(BIN)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("Mosquitto is not installed, but CI=true requires the broker tests to run");
            }
            Assumptions.abort("Mosquitto is not installed (apt-get install mosquitto)");
        }
        this.dir = dir;
    }

    /** Starts with persistence on, listening on each of {@code ports} (127.0.0.1 only). */
    OwnMosquitto start(int... ports) throws Exception {
        StringBuilder conf = new StringBuilder("per_listener_settings false\nallow_anonymous true\nuser root\n"
                + "persistence true\npersistence_location " + dir + "/\nmax_queued_messages 1000000\n");
        for (int port : ports) {
            conf.append("listener ").append(port).append(" 127.0.0.1\n");
        }
        Path file = dir.resolve("mosquitto.conf");
        Files.writeString(file, conf);
        process = new ProcessBuilder(BIN.toString(), "-c", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
        for (int port : ports) {
            awaitListening(port);
        }
        return this;
    }

    /** Stops it as an init system would (SIGTERM): it writes its persistence file, sessions and queues included. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void awaitListening(int port) throws Exception {
        RunningService.await(Duration.ofSeconds(60), "Mosquitto listening on " + port, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("Mosquitto ended; its log: " + Files.readString(dir.resolve("mosquitto.log")));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            }
        });
    }
}
