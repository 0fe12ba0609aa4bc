package org.energymonitor.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

class BufferedSocketsTest {

    /*
     * HiveMQ sends a persistent session's queued messages in windows of 50 and polls the next window only when the
     * last PUBACK is in. With Nagle's algorithm the last small PUBACK waited for the broker's delayed TCP ACK (about
     * 40 ms), which capped the embedded broker at about 1,000 messages/s.
     */
    @Test
    void theClientSocketSendsSmallPacketsAtOnceAndReadsWhatThePeerWrote() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new BufferedSockets().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket peer = server.accept()) {
            assertTrue(client.getTcpNoDelay(), "TCP_NODELAY on the MQTT client's socket");
            byte[] sent = {0x40, 0x02, 0x00, 0x01, 0x30, 0x00};
            try (OutputStream out = peer.getOutputStream()) {
                out.write(sent);
                out.flush();
                InputStream in = client.getInputStream();
                byte[] got = in.readNBytes(sent.length);
                assertArrayEquals(sent, got);
            }
        }
    }

    @Test
    void aSocketCreatedUnconnectedKeepsNoDelayOnceConnected() throws Exception {
        // paho creates the socket unconnected and connects it itself
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new BufferedSockets().createSocket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5_000);
            try (Socket peer = server.accept()) {
                assertTrue(client.getTcpNoDelay());
            }
        }
    }
}
