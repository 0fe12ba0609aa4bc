package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slow clients on the HTTP server: a connection that does not finish its request headers in time is closed. */
class SlowClientsTest {

    @TempDir
    static Path dir;
    static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        service = new RunningService(dir.resolve("data"), Map.of(
                "energy.http.header-timeout-s", "1", "energy.http.idle-timeout-s", "2")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    /** Whether the server closed {@code socket}: sends {@code drip} (if any) and waits up to 200 ms for an EOF. */
    private static boolean closedAfter(Socket socket, String drip) {
        try {
            if (drip != null) {
                socket.getOutputStream().write(drip.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            }
            socket.setSoTimeout(200);
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void a_client_that_sends_its_headers_a_byte_at_a_time_is_disconnected() throws Exception {
        try (Socket s = RawHttp.connect("127.0.0.1", service.httpPort())) {
            s.getOutputStream().write("GET /observe/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(
                    StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            RunningService.await(Duration.ofSeconds(30), "the server to close the slow connection",
                    () -> closedAfter(s, "a"));
            System.out.printf("A slow-header connection (a byte every 200 ms) was closed after %.1f s "
                    + "(energy.http.header-timeout-s=1)%n", (System.nanoTime() - start) / 1e9);
        }
    }

    @Test
    void a_connection_that_sends_nothing_is_closed() throws Exception {
        try (Socket s = RawHttp.connect("127.0.0.1", service.httpPort())) {
            RunningService.await(Duration.ofSeconds(30), "the server to close the silent connection",
                    () -> closedAfter(s, null));
        }
    }

    @Test
    void a_kept_alive_connection_serves_one_request_after_another_and_is_closed_once_idle() throws Exception {
        try (Socket s = RawHttp.connect("127.0.0.1", service.httpPort())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < 3; i++) {
                out.write("GET /observe/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String head = readHead(in);
                assertTrue(head.startsWith("HTTP/1.1 200") || head.startsWith("HTTP/1.1 503"), head);
                int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *([0-9]+).*", "$1"));
                assertEquals(length, in.readNBytes(length).length);
            }
            RunningService.await(Duration.ofSeconds(30), "the server to close the idle connection",
                    () -> closedAfter(s, null));
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        while (b.length() < 4 || !b.substring(b.length() - 4).equals("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed after " + b);
            }
            b.append((char) c);
        }
        return b.toString();
    }
}
