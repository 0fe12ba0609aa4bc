package org.energymonitor.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A password guesser for the broker tests: {@code threads} clients on loopback each send MQTT 5 CONNECTs with a wrong
 * password, one TCP connection per guess, as fast as the broker answers, and count the refusals, so a test can print
 * guesses a second before and after a change. Raw packets, as an attacker would write them: paho's own pauses
 * between reconnects would measure paho, not the broker.
 */
final class PasswordGuesses {

    static final int BAD_LOGIN = 0x86;
    static final int NOT_AUTHORIZED = 0x87;

    private PasswordGuesses() {
    }

    /**
     * Refusals answered within {@code millis}, over {@code threads} clients: [0] checked guesses (bad username or
     * password), [1] refused unchecked (not authorized: locked out).
     */
    static int[] count(String host, int port, int threads, long millis) throws InterruptedException {
        AtomicInteger answers = new AtomicInteger();
        AtomicInteger locked = new AtomicInteger();
        long end = System.nanoTime() + millis * 1_000_000;
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String id = "guesser-" + t;
            Thread thread = new Thread(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    try {
                        int code = connect(host, port, id, "meter", "guess-" + n);
                        if (System.nanoTime() < end) {
                            (code == NOT_AUTHORIZED ? locked : answers).incrementAndGet();
                        }
                    } catch (IOException e) {
                        // the broker closed the connection without CONNACK: not an answer
                    }
                }
            });
            thread.start();
            all.add(thread);
        }
        for (Thread t : all) {
            t.join();
        }
        return new int[] {answers.get(), locked.get()};
    }

    /** One CONNECT on a new connection; the CONNACK's reason code (0 = accepted). */
    static int connect(String host, int port, String clientId, String user, String password) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 5, (byte) 0xC2, 0, 60, 0});
        for (String s : new String[] {clientId, user, password}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            body.write(b.length >> 8);
            body.write(b.length);
            body.writeBytes(b);
        }
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(0x10);
            out.write(body.size());
            body.writeTo(out);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type = in.readUnsignedByte();
            int length = in.readUnsignedByte();
            if (type != 0x20 || length < 2) {
                throw new IOException("not a CONNACK: " + type);
            }
            in.readUnsignedByte();
            return in.readUnsignedByte();
        }
    }
}
