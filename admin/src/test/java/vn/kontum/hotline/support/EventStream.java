package vn.kontum.hotline.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A server-sent events stream as a browser's EventSource holds it open: every line received is kept, read by a
 * thread of its own until {@link #close}.
 */
public final class EventStream implements AutoCloseable {

    private final HttpResponse<InputStream> response;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // closed by the test or by the server
            }
        });
    }

    /** Opens a stream as a page's EventSource does, with {@code client}'s cookies; read it while it stays open. */
    public static EventStream open(java.net.http.HttpClient client, java.net.URI uri) {
        try {
            return new EventStream(client.send(java.net.http.HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Everything received so far, as it came. */
    public String raw() {
        return String.join("\n", lines);
    }

    /** The events' data, in order. */
    public List<String> data() {
        return lines.stream().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).strip()).toList();
    }

    public boolean received(String data) {
        return data().contains(data);
    }

    /** Waits until the server's first write (the stream is registered by then). */
    public EventStream awaitOpen() {
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(":open"));
        return this;
    }

    public void awaitData(String data) {
        await().atMost(Duration.ofSeconds(20)).until(() -> received(data));
    }

    /**
     * As {@link #awaitData(String)}; when it does not come, the failure tells what {@code whatHappened} finds then (the
     * rows and calls behind the news), so that a rare failure can be understood from its report alone.
     */
    public void awaitData(String data, Supplier<String> whatHappened) {
        try {
            awaitData(data);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no " + data + " on the stream within 20 s; received " + data() + "; " + whatHappened.get(), e);
        }
    }

    /** Whether the stream has ended (the server completed it, or it was closed). */
    public boolean ended() {
        return !reader.isAlive();
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
