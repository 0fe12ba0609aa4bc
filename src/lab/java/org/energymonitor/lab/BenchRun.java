package org.energymonitor.lab;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code bench-ingest} against one broker: starts the broker (Mosquitto) if needed, the service, and the
 * publisher, each as a child process, then waits for the last row and measures.
 */
final class BenchRun {

    /** The service's only subscription in a benchmark; its "MQTT subscribed to" log line starts the publisher. */
    private static final String TOPIC = "tele/+/+";

    record Result(String broker, String heap, long published, long acked, long unrouted, long rows, long millis,
                  long rssKb, long peakKb, double serviceCpu, double brokerCpu) {
        long lost() {
            return acked - rows;
        }

        String row() {
            return String.format("| %s | %s | %,d (%,d) | %,d | %,d | %,.0f | %,d MB (%,d MB) | %.1f s, %s |", broker, heap,
                    published, acked, rows, lost(), rows * 1000.0 / Math.max(1, millis), rssKb / 1024, peakKb / 1024,
                    serviceCpu, brokerCpu < 0 ? "in the service" : String.format("%.1f s", brokerCpu));
        }
    }

    private final Path jar;
    private final Path labJar;
    private final String broker;
    private final int seconds;
    private final int devices;
    private final int rate;

    BenchRun(Path jar, Path labJar, String broker, int seconds, int devices, int rate) {
        this.labJar = labJar;
        this.rate = rate;
        this.jar = jar;
        this.broker = broker;
        this.seconds = seconds;
        this.devices = devices;
    }

    Result measure() throws Exception {
        Path dir = Files.createTempDirectory("bench-ingest-");
        int mqttPort = freePort();
        List<Process> children = new ArrayList<>();
        try {
            int httpPort = freePort();
            String url = "tcp://127.0.0.1:" + mqttPort;
            List<String> service = new ArrayList<>(List.of(java(), heap(), "-XX:+UseSerialGC", "-Xss512k",
                    "-XX:MaxMetaspaceSize=128m", "-XX:+IgnoreUnrecognizedVMOptions", "-XX:TrimNativeHeapInterval=5000",
                    "-Denergy.data.dir=" + dir,
                    "-Denergy.http.port=" + httpPort, "-Denergy.mqtt.topics=" + TOPIC, "-Denergy.timezone=UTC"));
            String extra = System.getProperty("bench.service-option", "").strip();
            if (!extra.isEmpty()) {
                service.addAll(List.of(extra.split("\\s+")));
            }
            if ("mosquitto".equals(broker)) {
                children.add(mosquitto(dir, mqttPort));
                service.add("-Denergy.mqtt.url=" + url);
            } else {
                service.add("-Denergy.mqtt.embedded.port=" + mqttPort);
            }
            service.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder svcBuilder = new ProcessBuilder(service);
            svcBuilder.environment().put("MALLOC_ARENA_MAX", "2");
            Process svc = svcBuilder.redirectErrorStream(true)
                    .redirectOutput(dir.resolve("service.log").toFile()).start();
            children.add(svc);
            awaitSubscribed(dir.resolve("service.log"));
            System.out.printf("%s: service started (pid %d), publishing for %d s from %d devices...%n",
                    broker, svc.pid(), seconds, devices);
            Process pub = new ProcessBuilder(java(), "-cp", labJar + java.io.File.pathSeparator + jar, Lab.class.getName(),
                    "bench-publish", url, Integer.toString(devices), Integer.toString(seconds), "4", Integer.toString(rate))
                    .redirectErrorStream(true).start();
            String line = new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            pub.waitFor();
            long published = field(line, "published");
            long acked = field(line, "acked");
            long unrouted = field(line, "unrouted");
            if (unrouted > 0) {
                System.out.printf("%s: %,d messages were acknowledged with \"no matching subscribers\" and dropped by the "
                        + "broker; they are not counted as acknowledged, and the run is a failure%n", broker, unrouted);
            }
            long first = field(line, "first");
            long rows = 0;
            long lastChange = System.currentTimeMillis();
            long lastRowAt = first;
            while (System.currentTimeMillis() - lastChange < 15_000 && rows < acked) {
                long n = count(dir.resolve("energy.db"));
                if (n != rows) {
                    rows = n;
                    lastChange = System.currentTimeMillis();
                    lastRowAt = lastChange;
                }
                Thread.sleep(100);
            }
            if (rows < acked) {
                Path db = dir.resolve("energy.db");
                rows = new BenchShortfall(httpPort, () -> count(db)).explain(broker, acked, rows);
            }
            long[] rss = rss(svc.pid());
            double brokerCpu = "mosquitto".equals(broker) ? cpuSeconds(children.get(0).pid()) : -1;
            String label = broker + ", " + seconds + " s, " + (rate > 0 ? String.format("%,d/s offered", rate) : "full speed");
            // the last -Xmx wins: heap() or one from bench.service-option
            String heap = service.stream().filter(o -> o.startsWith("-Xmx")).reduce((a, b) -> b).orElseThrow();
            return new Result(label, heap.substring(1), published, acked, unrouted, rows, lastRowAt - first, rss[0],
                    rss[1], cpuSeconds(svc.pid()), brokerCpu);
        } finally {
            for (Process p : children) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private static Process mosquitto(Path dir, int port) throws Exception {
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n", "listener " + port + " 127.0.0.1", "allow_anonymous true",
                "max_queued_messages 0", "max_inflight_messages 1000", "user root", ""));
        Path bin = Path.of("/usr/sbin/mosquitto");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("Mosquitto is not installed (apt-get install mosquitto)");
        }
        Process p = new ProcessBuilder(bin.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        awaitPort(port);
        return p;
    }

    /**
     * Waits for the service's MQTT subscription, not only for Camel's start: the MQTT routes start after it, and on a
     * fresh session a message published before the SUBACK has no subscriber, so the broker drops it.
     */
    private static void awaitSubscribed(Path log) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("MQTT subscribed to " + TOPIC)) {
                Thread.sleep(500);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The service did not subscribe within 60 s; see " + log);
    }

    private static void awaitPort(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Nothing listens on port " + port);
    }

    private static long count(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM readings")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }

    /** User and system CPU time a process has used so far (clock ticks of 1/100 s on Linux). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /** VmRSS and VmHWM of a process, in kB. */
    private static long[] rss(long pid) throws IOException {
        long rss = 0;
        long hwm = 0;
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                rss = Long.parseLong(l.replaceAll("\\D", ""));
            } else if (l.startsWith("VmHWM:")) {
                hwm = Long.parseLong(l.replaceAll("\\D", ""));
            }
        }
        return new long[] {rss, hwm};
    }

    private static long field(String line, String name) {
        for (String part : line.split("\\s+")) {
            if (part.startsWith(name + "=")) {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        throw new IllegalStateException("The publisher printed no " + name + ": " + line);
    }

    /** 64 MB of heap for the service alone; the embedded broker holds its queues in the same heap. */
    private String heap() {
        return "mosquitto".equals(broker) ? "-Xmx64m" : "-Xmx192m";
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
