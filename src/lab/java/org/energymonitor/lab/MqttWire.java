package org.energymonitor.lab;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The publishing side of {@code bench-ingest} on the wire: one MQTT 5 connection that pipelines QoS 1 PUBLISH packets
 * through a buffered socket and counts the broker's PUBACKs on a reader thread, never more unacknowledged than the
 * broker's Receive Maximum (at most 1,000). Acknowledgements free the window a read at a time, and a full window waits
 * for a quarter of it, so neither side wakes up once per message. A client library writes and flushes each packet on its own, which made
 * the publisher the slowest process of the benchmark; this one costs a few microseconds per message.
 */
final class MqttWire implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Semaphore window;
    private final int windowSize;
    private final BitSet inFlight = new BitSet(65_536);
    private final AtomicLong acked;
    private final AtomicLong unrouted;
    private final AtomicLong failed;
    private final Thread reader;
    private int nextId = 1;

    /** PUBACKs count into {@code acked}, reason 0x10 (no matching subscribers) into {@code unrouted}, errors into {@code failed}. */
    MqttWire(String url, String clientId, AtomicLong acked, AtomicLong unrouted, AtomicLong failed) throws IOException {
        URI uri = URI.create(url);
        this.socket = new Socket(uri.getHost(), uri.getPort() < 0 ? 1883 : uri.getPort());
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 65_536));
        this.out = new BufferedOutputStream(socket.getOutputStream(), 65_536);
        this.acked = acked;
        this.unrouted = unrouted;
        this.failed = failed;
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] connect = new byte[10 + 1 + 2 + id.length];
        byte[] head = {0, 4, 'M', 'Q', 'T', 'T', 5, 0x02, 0, 60, 0};
        System.arraycopy(head, 0, connect, 0, head.length);
        connect[11] = (byte) (id.length >> 8);
        connect[12] = (byte) id.length;
        System.arraycopy(id, 0, connect, 13, id.length);
        packet(0x10, connect, connect.length);
        out.flush();
        int type = in.readUnsignedByte();
        byte[] connack = new byte[remainingLength(in)];
        in.readFully(connack);
        if (type != 0x20 || connack.length < 2 || (connack[1] & 0xff) >= 0x80) {
            throw new IOException("The broker refused the connection (CONNACK reason " + (connack.length > 1 ? connack[1] & 0xff : -1) + ")");
        }
        this.windowSize = Math.min(1000, ConnackProperties.receiveMaximum(connack, 2));
        this.window = new Semaphore(windowSize);
        this.reader = new Thread(this::readAcks, "bench-acks-" + clientId);
        reader.setDaemon(true);
        reader.start();
    }

    /** Queues one QoS 1 PUBLISH; flushes and waits when the broker's window is full. */
    void publish(byte[] topic, byte[] payload) throws IOException, InterruptedException {
        if (!window.tryAcquire()) {
            out.flush();
            int some = Math.max(1, windowSize / 4);
            window.acquire(some);
            window.release(some - 1);
        }
        int id;
        synchronized (inFlight) {
            while (inFlight.get(nextId)) {
                nextId = nextId == 65_535 ? 1 : nextId + 1;
            }
            id = nextId;
            inFlight.set(id);
            nextId = nextId == 65_535 ? 1 : nextId + 1;
        }
        int length = 2 + topic.length + 2 + 1 + payload.length;
        out.write(0x32);
        writeLength(length);
        out.write(topic.length >> 8);
        out.write(topic.length);
        out.write(topic);
        out.write(id >> 8);
        out.write(id);
        out.write(0);
        out.write(payload);
    }

    /** Sends what is buffered. */
    void flush() throws IOException {
        out.flush();
    }

    /** Flushes, waits until every PUBLISH is acknowledged (or 30 s), and disconnects. */
    @Override
    public void close() throws IOException {
        out.flush();
        try {
            window.tryAcquire(windowSize, 30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        packet(0xE0, new byte[0], 0);
        out.flush();
        socket.close();
    }

    private void readAcks() {
        int done = 0;
        try {
            while (true) {
                if (done > 0 && in.available() == 0) {
                    window.release(done);
                    done = 0;
                }
                int type = in.readUnsignedByte();
                byte[] body = new byte[remainingLength(in)];
                in.readFully(body);
                if ((type & 0xF0) == 0x40 && body.length >= 2) {
                    int id = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
                    synchronized (inFlight) {
                        inFlight.clear(id);
                    }
                    int reason = body.length > 2 ? body[2] & 0xff : 0;
                    (reason >= 0x80 ? failed : reason == 0x10 ? unrouted : acked).incrementAndGet();
                    done++;
                }
            }
        } catch (IOException e) {
            // the socket closed: the connection is over
        }
    }

    private void packet(int type, byte[] body, int length) throws IOException {
        out.write(type);
        writeLength(length);
        out.write(body, 0, length);
    }

    private void writeLength(int length) throws IOException {
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
    }

    private static int remainingLength(InputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The broker closed the connection");
            }
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("A malformed remaining length");
    }
}
