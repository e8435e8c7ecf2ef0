package vn.kontum.hotline.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hotline in a process of its own, as it runs in production, so that a test can kill it with SIGKILL
 * and start it again on the same data.
 */
public final class HotlineProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private HotlineProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static HotlineProcess start(int port, Map<String, String> properties, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), "vn.kontum.hotline.HotlineApplication",
                "--server.port=" + port));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("TELEGRAM_BOT_TOKEN");
        builder.environment().remove("REDIS_URL");
        builder.environment().remove("SPRING_DATASOURCE_URL");
        HotlineProcess started = new HotlineProcess(builder.start(), port);
        try {
            started.awaitHealthy(Duration.ofSeconds(180)); // a loaded 2-core machine can take minutes
        } catch (IOException e) {
            started.process.destroyForcibly(); // not left running behind a failed test
            throw e;
        }
        return started;
    }

    private void awaitHealthy(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("hotline exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            sleep(300);
        }
        throw new IOException("hotline not healthy within " + timeout);
    }

    /** The status /actuator/health answers (200 UP, 503 DOWN), or -1 when it does not answer within 15 s. */
    public int health() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** SIGKILL: no shutdown hook, no flush, as in a power cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
