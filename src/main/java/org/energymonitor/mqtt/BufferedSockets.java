package org.energymonitor.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;

import javax.net.SocketFactory;

/**
 * Plain TCP sockets for the MQTT client whose input is buffered. Paho reads every packet's fixed header a byte at a
 * time straight from the socket, which is one system call per byte; with a buffer one read takes in many messages.
 * TCP_NODELAY is on: HiveMQ sends queued messages in windows and waits for the last PUBACK of a window, which
 * Nagle's algorithm held back until the broker's delayed ACK (about 40 ms per window).
 * Used only for {@code tcp://} brokers without a configured socket factory (TLS keeps its own).
 */
final class BufferedSockets extends SocketFactory {

    @Override
    public Socket createSocket() {
        return new BufferedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private static Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket s = new BufferedSocket();
        if (local != null) {
            s.bind(local);
        }
        s.connect(remote);
        return s;
    }

    private static final class BufferedSocket extends Socket {

        private InputStream in;

        BufferedSocket() {
            try {
                setTcpNoDelay(true);
            } catch (SocketException e) {
                throw new IllegalStateException("TCP_NODELAY is not supported here", e);
            }
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), 16_384);
            }
            return in;
        }
    }
}
