package org.confmail.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 in front of a server the test does not own (the machine's PostgreSQL): the application
 * connects through it, and {@link #cut()} makes the server vanish for it as a network partition or a crashed host
 * would: every open connection is reset and new ones are closed at once, until {@link #restore()}.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().name("tcp-proxy-" + port()).start(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Resets every relayed connection and refuses new ones. */
    public void cut() {
        cut = true;
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException ignored) {
                // Closed already.
            }
            closeQuietly(socket);
        }
    }

    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            Thread.ofVirtual().start(() -> relay(client));
        }
    }

    private void relay(Socket client) {
        try (Socket server = new Socket(targetHost, targetPort)) {
            open.add(client);
            open.add(server);
            Thread upstream = Thread.ofVirtual().start(() -> pump(client, server));
            pump(server, client);
            upstream.join();
        } catch (IOException | InterruptedException e) {
            // The other side went away, or the proxy cut the connection.
        } finally {
            open.remove(client);
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // Reset or closed: end both directions.
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        cut();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Nothing to do.
        }
    }
}
