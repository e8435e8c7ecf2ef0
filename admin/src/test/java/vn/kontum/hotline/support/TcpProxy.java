package vn.kontum.hotline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a server the test must not stop (the shared PostgreSQL): {@link #cut()}
 * resets every open connection and refuses new ones, as a server gone away does, until {@link #restore()}.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;

    private TcpProxy(InetSocketAddress target) {
        this.target = target;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
    }

    public static TcpProxy to(String host, int port) {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    public int port() {
        return port;
    }

    /** Every connection reset (RST, not a polite close), and nobody listening any more. */
    public synchronized void cut() {
        close(listener);
        for (Socket s : open) {
            reset(s);
        }
        open.clear();
    }

    /** Listening again on the same port. */
    public synchronized void restore() {
        if (listener.isClosed()) {
            listener = listen(port);
        }
    }

    private ServerSocket listen(int onPort) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true); // the reset connections linger on this port
            s.bind(new InetSocketAddress("127.0.0.1", onPort));
            Thread.ofPlatform().daemon().name("tcp-proxy-" + s.getLocalPort()).start(() -> accept(s));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException closed) {
                return;
            }
            Socket server = new Socket();
            try {
                server.connect(target, 2_000);
            } catch (IOException e) {
                reset(client);
                continue;
            }
            if (!register(s, client, server)) {
                return;
            }
            pump(client, server);
            pump(server, client);
        }
    }

    /**
     * Counts the pair among the open connections, unless {@link #cut()} came while it was being connected: a
     * connection accepted just before the cut and counted just after it would have outlived it, and the database
     * would never have gone away for the hotline (seen once on a slow machine, where connecting took a while).
     */
    private synchronized boolean register(ServerSocket acceptedBy, Socket client, Socket server) {
        if (acceptedBy.isClosed()) {
            reset(client);
            reset(server);
            return false;
        }
        open.add(client);
        open.add(server);
        return true;
    }

    private void pump(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException ended) {
                // one side went away: so does the other
            } finally {
                close(from);
                close(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
            // nothing to reset
        }
        close(s);
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        cut();
    }
}
