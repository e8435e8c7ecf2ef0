package vn.kontum.hotline.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server (the binary shipped in the embedded-redis artifact) started and stopped by the hotline
 * when no {@code REDIS_URL} is given. Its append-only file lives under the data folder, so queued work survives
 * a restart. A server left behind by a killed hotline is found through its pid file and stopped first. A server
 * that dies while the hotline runs (killed, out of memory) is started again within seconds: nobody else would.
 */
final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final Duration WATCH_EVERY = Duration.ofSeconds(1);

    private final RedisServer server;
    private final int port;
    private final Path pidFile;
    private final ScheduledExecutorService watchdog;
    private volatile Optional<ProcessHandle> process;
    private volatile boolean closed;

    private EmbeddedRedis(RedisServer server, int port, Path pidFile) {
        this.server = server;
        this.port = port;
        this.pidFile = pidFile;
        this.process = running(pidFile);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("embedded-redis-watchdog").daemon().factory());
        watchdog.scheduleWithFixedDelay(this::restartIfGone, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    static EmbeddedRedis start(Path dataDir, int port) {
        try {
            Path dir = Files.createDirectories(dataDir.resolve("redis")).toAbsolutePath();
            Path pidFile = dir.resolve("redis.pid");
            stopLeftover(pidFile);
            waitUntilFree(port);
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir " + dir)
                    .setting("pidfile " + pidFile)
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("save \"\"")
                    .setting("protected-mode yes")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            log.info("embedded redis-server started on 127.0.0.1:{} (data in {})", port, dir);
            return new EmbeddedRedis(server, port, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded redis-server on port " + port, e);
        }
    }

    int port() {
        return port;
    }

    /** Started again from its append-only file; until then health says DOWN and the hotline's clients keep reconnecting. */
    private synchronized void restartIfGone() {
        if (closed || process.map(ProcessHandle::isAlive).orElse(true)) {
            return;
        }
        if (shuttingDown()) {
            // The server went with the JVM's shutdown (the library's own hook stops it): starting one now would
            // leave it running after the hotline, holding the port.
            closed = true;
            return;
        }
        log.warn("embedded redis-server (pid {}) has stopped; starting it again", process.map(ProcessHandle::pid).orElse(-1L));
        try {
            server.stop(); // only marks it stopped: the process is gone already
            server.start();
            process = running(pidFile);
            log.info("embedded redis-server started again on 127.0.0.1:{}", port);
        } catch (IOException | RuntimeException e) {
            log.warn("embedded redis-server could not be started again ({}); trying again in {} s", e.getClass().getSimpleName(),
                    WATCH_EVERY.toSeconds());
        }
    }

    /** Whether the JVM is stopping: it then refuses new shutdown hooks. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException stopping) {
            return true;
        }
    }

    /** The server's process, from the pid file it writes at start; empty when it cannot be read (then not watched). */
    private static Optional<ProcessHandle> running(Path pidFile) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            log.warn("embedded redis-server's pid file unreadable ({}): it will not be restarted if it stops", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static void stopLeftover(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String text = Files.readString(pidFile).trim();
        Files.deleteIfExists(pidFile);
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return;
        }
        process.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
                .ifPresent(p -> {
                    log.info("stopping a redis-server left behind by an earlier run (pid {})", p.pid());
                    p.destroy();
                    try {
                        p.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                });
    }

    private static void waitUntilFree(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            } catch (IOException free) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("port " + port + " is taken by another program; set HOTLINE_EMBEDDED_REDIS_PORT or REDIS_URL");
    }

    @Override
    public synchronized void close() { // not while the watchdog is starting it again
        closed = true;
        watchdog.shutdownNow();
        try {
            server.stop();
            log.info("embedded redis-server stopped");
        } catch (IOException e) {
            log.warn("embedded redis-server did not stop cleanly: {}", e.getClass().getSimpleName());
        }
    }
}
