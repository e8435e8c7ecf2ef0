package vn.kontum.hotline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the Telegram Bot API, answering {@code /bot<token>/<method>} as Telegram documents it:
 * methods are case-insensitive, bodies are JSON, an idle getUpdates is held open for a while, and updates stay
 * until a later getUpdates confirms them with a higher offset. Once setWebhook has named a URL, updates are
 * POSTed there instead, with the secret in {@code X-Telegram-Bot-Api-Secret-Token}, again until answered 2xx,
 * and getUpdates is refused with 409, as Telegram does.
 */
public final class FakeTelegram implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token";
    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A message the bot sent; {@code buttons} are its inline keyboard's callback data, in order; {@code atMillis}
     * when it arrived here (a monotonic clock).
     */
    public record Sent(long chatId, String text, int messageId, List<String> buttons, long atMillis) {
    }

    /** A sendMessage call and how it was answered ({@link #TIMEOUT}: not at all), {@code atMillis} on a monotonic clock. */
    public record Attempt(long chatId, int status, long atMillis) {
    }

    /** A webhook call and how the hotline answered it (-1: no answer), with how long it took. */
    public record WebhookAnswer(int updateId, int status, long millis) {
    }

    /** In {@link #failSendsTo}: the call is held without an answer, longer than the hotline waits. */
    public static final int TIMEOUT = 1;
    private static final Duration HELD = Duration.ofSeconds(20);

    private final MockWebServer server = new MockWebServer();
    private final LinkedBlockingDeque<String> pendingUpdates = new LinkedBlockingDeque<>();
    private final List<String> undelivered = new CopyOnWriteArrayList<>();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final java.util.Map<Long, List<Integer>> deleted = new java.util.concurrent.ConcurrentHashMap<>();
    /** file_id -> the file's bytes, served by getFile and the file download path. */
    private final java.util.Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<JsonNode> sentBodies = new CopyOnWriteArrayList<>();
    private final List<String> callbackAnswers = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextUpdateId;
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final java.util.Map<Long, java.util.Deque<Integer>> troubles = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final List<WebhookAnswer> webhookAnswers = new CopyOnWriteArrayList<>();
    private volatile int retryAfterSeconds = 1;
    private volatile String webhookUrl;
    private volatile String webhookSecret;
    private final HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public FakeTelegram() {
        this(1000);
    }

    /** A second bot API server numbers its updates from elsewhere, so they are not taken for redeliveries. */
    public FakeTelegram(int firstUpdateId) {
        nextUpdateId = new AtomicInteger(firstUpdateId);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A user writes a text message in a private chat; returns the update_id. */
    public int userWrites(long chatId, String firstName, String text) {
        int updateId = nextUpdateId.incrementAndGet();
        String update = """
                {"update_id":%d,"message":{"message_id":%d,"date":%d,"chat":{"id":%d,"type":"private","first_name":%s},
                 "from":{"id":%d,"is_bot":false,"first_name":%s,"language_code":"vi"},"text":%s}}"""
                .formatted(updateId, nextMessageId.incrementAndGet(), System.currentTimeMillis() / 1000, chatId,
                        quote(firstName), chatId, quote(firstName), quote(text));
        deliver(update);
        return updateId;
    }

    /** A user presses an inline button under one of the bot's messages; returns the update_id. */
    public int userPresses(long chatId, String firstName, Sent underMessage, String callbackData) {
        int updateId = nextUpdateId.incrementAndGet();
        String update = """
                {"update_id":%d,"callback_query":{"id":"cb%d","chat_instance":"ci%d","data":%s,
                 "from":{"id":%d,"is_bot":false,"first_name":%s},
                 "message":{"message_id":%d,"date":%d,"chat":{"id":%d,"type":"private"},"text":%s}}}"""
                .formatted(updateId, updateId, chatId, quote(callbackData), chatId, quote(firstName), underMessage.messageId(),
                        System.currentTimeMillis() / 1000, chatId, quote(underMessage.text()));
        deliver(update);
        return updateId;
    }

    /** A user presses an inline button with this callback data under a message in their private chat; returns the update_id. */
    public int userPresses(long chatId, String firstName, String data) {
        int updateId = nextUpdateId.incrementAndGet();
        String update = """
                {"update_id":%d,"callback_query":{"id":"cb-%d","chat_instance":"ci-%d","data":%s,
                 "from":{"id":%d,"is_bot":false,"first_name":%s},
                 "message":{"message_id":%d,"date":%d,"chat":{"id":%d,"type":"private"},"text":"alert"}}}"""
                .formatted(updateId, updateId, chatId, quote(data), chatId, quote(firstName), nextMessageId.incrementAndGet(),
                        System.currentTimeMillis() / 1000, chatId);
        deliver(update);
        return updateId;
    }

    /** A user sends a photo (Telegram keeps its bytes under {@code fileId}); returns the update_id. */
    public int userSendsPhoto(long chatId, String firstName, String fileId, byte[] bytes) {
        files.put(fileId, bytes);
        int updateId = nextUpdateId.incrementAndGet();
        String update = """
                {"update_id":%d,"message":{"message_id":%d,"date":%d,"chat":{"id":%d,"type":"private","first_name":%s},
                 "from":{"id":%d,"is_bot":false,"first_name":%s},
                 "photo":[{"file_id":"%s-small","file_unique_id":"us","width":90,"height":90,"file_size":100},
                          {"file_id":"%s","file_unique_id":"ul","width":800,"height":800,"file_size":%d}]}}"""
                .formatted(updateId, nextMessageId.incrementAndGet(), System.currentTimeMillis() / 1000, chatId, quote(firstName),
                        chatId, quote(firstName), fileId, fileId, bytes.length);
        deliver(update);
        return updateId;
    }

    /** The message ids the bot deleted in a chat (deleteMessage and deleteMessages). */
    public List<Integer> deletedIn(long chatId) {
        return deleted.getOrDefault(chatId, List.of());
    }

    /** The callback_data of every inline button under the messages sent to this chat, in order. */
    public List<String> buttonsSentTo(long chatId) {
        List<String> data = new ArrayList<>();
        for (JsonNode body : sentBodies) {
            if (body.path("chat_id").asLong() == chatId) {
                body.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> data.add(b.path("callback_data").asString())));
            }
        }
        return data;
    }

    /** The texts of answerCallbackQuery calls, in order. */
    public List<String> callbackAnswers() {
        return new ArrayList<>(callbackAnswers);
    }

    /** Sends a whole update as a user's client would cause it (any JSON); returns nothing, delivery is as usual. */
    public void deliverRaw(String update) {
        deliver(update);
    }

    private void deliver(String update) {
        String url = webhookUrl;
        if (url == null) {
            undelivered.add(update);
            pendingUpdates.add(update);
            return;
        }
        delivered.add(update);
        String secret = webhookSecret;
        Thread.ofVirtual().start(() -> {
            for (int attempt = 0; attempt < 100; attempt++) {
                try {
                    HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(update, StandardCharsets.UTF_8));
                    if (secret != null) {
                        post.header("X-Telegram-Bot-Api-Secret-Token", secret);
                    }
                    long started = System.nanoTime();
                    int status = webhookClient.send(post.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    webhookAnswers.add(new WebhookAnswer(updateIdOf(update), status, (System.nanoTime() - started) / 1_000_000));
                    if (status / 100 == 2) {
                        return;
                    }
                } catch (IOException e) {
                    webhookAnswers.add(new WebhookAnswer(updateIdOf(update), -1, 0));
                    // not listening, or no answer: Telegram tries again
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Where setWebhook pointed, or null in long-polling mode. */
    public String webhookUrl() {
        return webhookUrl;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    /** Telegram sends an update again (as it does when a poll's confirmation was lost). */
    public void redeliver(int updateId) {
        undelivered.stream().filter(u -> JSON.readTree(u).path("update_id").asInt() == updateId).findFirst()
                .or(() -> delivered.stream().filter(u -> JSON.readTree(u).path("update_id").asInt() == updateId).findFirst())
                .ifPresent(this::deliver);
    }

    /**
     * The next sends to this chat answer these, one each, in order: an HTTP status (429 with the retry_after of
     * {@link #retryAfter}), or {@link #TIMEOUT}. Only that chat is affected, whatever else is being sent meanwhile.
     */
    public void failSendsTo(long chatId, int... statuses) {
        java.util.Deque<Integer> queue = troubles.computeIfAbsent(chatId, c -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        for (int status : statuses) {
            queue.add(status);
        }
    }

    /** The retry_after (seconds) that a 429 carries. */
    public void retryAfter(int seconds) {
        retryAfterSeconds = seconds;
    }

    /** Every sendMessage call to this chat, answered or not, in order. */
    public List<Attempt> attemptsTo(long chatId) {
        return attempts.stream().filter(a -> a.chatId() == chatId).toList();
    }

    /** How the hotline answered each webhook call of this update, in order. */
    public List<WebhookAnswer> webhookAnswers(int updateId) {
        return webhookAnswers.stream().filter(a -> a.updateId() == updateId).toList();
    }

    /** The hotline's properties for this bot in webhook mode, updates posted to {@code webhookUrl}. */
    public java.util.Map<String, String> properties(String webhookUrl, String secret) {
        return java.util.Map.of("hotline.telegram.token", TOKEN, "hotline.telegram.api-url", baseUrl(),
                "hotline.telegram.webhook-secret", secret, "hotline.telegram.webhook-url", webhookUrl);
    }

    private static int updateIdOf(String update) {
        return JSON.readTree(update).path("update_id").asInt();
    }

    public List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.chatId() == chatId).toList();
    }

    public List<Sent> sent() {
        return new ArrayList<>(sent);
    }

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        String filePrefix = "/file/bot" + TOKEN + "/files/";
        if (request.getUrl().encodedPath().startsWith(filePrefix)) {
            byte[] bytes = files.get(request.getUrl().encodedPath().substring(filePrefix.length()).replace(".jpg", ""));
            return bytes == null ? json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}")
                    : new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                            .body(new okio.Buffer().write(bytes)).build();
        }
        Matcher m = PATH.matcher(request.getUrl().encodedPath());
        if (!m.matches() || !TOKEN.equals(m.group(1))) {
            return json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
        String method = m.group(2).toLowerCase(Locale.ROOT);
        String raw = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
        String contentType = request.getHeaders().get("Content-Type");
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            if ("setwebhook".equals(method)) {
                webhookUrl = multipartField(raw, "url");
                webhookSecret = multipartField(raw, "secret_token");
                return json(200, "{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}");
            }
            return json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: multipart not faked\"}");
        }
        JsonNode body = raw.isEmpty() ? JSON.createObjectNode() : JSON.readTree(raw);
        if ("getupdates".equals(method) && webhookUrl != null) {
            return json(409, "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first\"}");
        }
        return switch (method) {
            case "deletewebhook" -> {
                webhookUrl = null;
                webhookSecret = null;
                yield json(200, "{\"ok\":true,\"result\":true}");
            }
            case "setwebhook" -> {
                webhookUrl = body.path("url").asString(null);
                webhookSecret = body.path("secret_token").asString(null);
                yield json(200, "{\"ok\":true,\"result\":true}");
            }
            case "getme" -> json(200, "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"Hotline\",\"username\":\"hotline_bot\"}}");
            case "getupdates" -> updates(body);
            case "sendmessage" -> sendMessage(body);
            case "getfile" -> {
                String fileId = body.path("file_id").asString();
                yield files.containsKey(fileId)
                        ? json(200, "{\"ok\":true,\"result\":{\"file_id\":%s,\"file_unique_id\":\"u\",\"file_size\":%d,\"file_path\":%s}}"
                                .formatted(quote(fileId), files.get(fileId).length, quote("files/" + fileId + ".jpg")))
                        : json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: invalid file_id\"}");
            }
            case "deletemessages", "deletemessage" -> {
                List<Integer> ids = new ArrayList<>();
                body.path("message_ids").forEach(id -> ids.add(id.asInt()));
                if (body.has("message_id")) {
                    ids.add(body.path("message_id").asInt());
                }
                deleted.computeIfAbsent(body.path("chat_id").asLong(), k -> new CopyOnWriteArrayList<>()).addAll(ids);
                yield json(200, "{\"ok\":true,\"result\":true}");
            }
            case "answercallbackquery" -> {
                callbackAnswers.add(body.path("text").asString(""));
                yield json(200, "{\"ok\":true,\"result\":true}");
            }
            default -> json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: method not faked\"}");
        };
    }

    private MockResponse updates(JsonNode body) throws InterruptedException {
        long offset = body.path("offset").asLong(0);
        for (String u : undelivered) {
            if (JSON.readTree(u).path("update_id").asLong() < offset) {
                undelivered.remove(u);
                delivered.add(u);
            }
        }
        if (undelivered.isEmpty()) {
            // Hold an idle poll open, as Telegram does, but not so long that shutdown waits.
            pendingUpdates.poll(500, TimeUnit.MILLISECONDS);
        }
        pendingUpdates.clear();
        return json(200, "{\"ok\":true,\"result\":[" + String.join(",", undelivered) + "]}");
    }

    private MockResponse sendMessage(JsonNode body) {
        long chatId = body.path("chat_id").asLong();
        long now = System.nanoTime() / 1_000_000;
        Integer trouble = troubles.getOrDefault(chatId, new java.util.ArrayDeque<>()).poll();
        if (trouble != null) {
            attempts.add(new Attempt(chatId, trouble, now));
            return trouble == TIMEOUT
                    ? new MockResponse.Builder().code(200).headersDelay(HELD.toMillis(), TimeUnit.MILLISECONDS).body("{}").build()
                    : failure(trouble);
        }
        attempts.add(new Attempt(chatId, 200, now));
        String text = body.path("text").asString();
        List<String> buttons = new ArrayList<>();
        body.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> buttons.add(b.path("callback_data").asString())));
        sentBodies.add(body);
        int id = nextMessageId.incrementAndGet();
        sent.add(new Sent(chatId, text, id, List.copyOf(buttons), System.nanoTime() / 1_000_000));
        return json(200, """
                {"ok":true,"result":{"message_id":%d,"date":%d,"chat":{"id":%d,"type":"private"},"text":%s}}"""
                .formatted(id, System.currentTimeMillis() / 1000, chatId, quote(text)));
    }

    private MockResponse failure(int status) {
        if (status == 429) {
            return json(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after %d\",\"parameters\":{\"retry_after\":%d}}"
                    .formatted(retryAfterSeconds, retryAfterSeconds));
        }
        if (status == 403) {
            return json(403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
        }
        return json(status, "{\"ok\":false,\"error_code\":" + status + ",\"description\":\"Internal Server Error\"}");
    }

    private static String multipartField(String body, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\"[^\\r\\n]*\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n([^\\r\\n]*)").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static String quote(String s) {
        return JSON.writeValueAsString(s);
    }

    @Override
    public void close() {
        server.close();
    }
}
