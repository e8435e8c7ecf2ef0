package vn.kontum.hotline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Zalo: the OA API's customer-service message ({@code POST /v3.0/oa/message/cs}, header
 * {@code access_token}, errors as HTTP 200 with a negative {@code error}) and the OAuth refresh
 * ({@code POST /v4/oa/access_token}, header {@code secret_key}, single-use refresh tokens, {@code expires_in} as a
 * string). Also makes webhook events signed as Zalo signs them.
 */
public final class FakeZalo implements AutoCloseable {

    public static final String APP_ID = "360846524940903967";
    public static final String APP_SECRET = "test-app-secret";
    public static final String OA_SECRET_KEY = "test-oa-secret-key";
    public static final String OA_ID = "388613280878808645";
    public static final String FIRST_ACCESS_TOKEN = "access-token-0";
    public static final String FIRST_REFRESH_TOKEN = "refresh-token-0";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A message the OA sent: to whom, what, with which token, and the msg id Zalo gave it. */
    public record Sent(String userId, String text, String accessToken, String messageId) {
    }

    /** A send to a user and how it was answered (a Zalo error, an HTTP status, {@link #TIMEOUT} or 0), on a monotonic clock. */
    public record Attempt(String userId, int outcome, long atMillis) {
    }

    /** In {@link #failSendsTo}: the call is held without an answer, longer than the hotline waits. */
    public static final int TIMEOUT = 1;
    private static final long HELD_MILLIS = 20_000;

    private final MockWebServer server = new MockWebServer();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Integer> failNext = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> refused = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, java.util.Deque<Integer>> troubles = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger refreshCalls = new AtomicInteger();
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicInteger nextMessageId = new AtomicInteger();
    private volatile String validAccessToken = FIRST_ACCESS_TOKEN;
    private volatile String validRefreshToken = FIRST_REFRESH_TOKEN;
    private volatile long refreshDelayMillis;
    private volatile Consumer<String> onSend = token -> { };

    public FakeZalo() {
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

    // --- what the tests arrange ---

    /** Zalo forgets the current access token (it expired): the next send with it gets error -216. */
    public void expireAccessToken() {
        validAccessToken = "expired-" + generation.incrementAndGet();
        // The refresh token the hotline holds stays valid; the access token it holds does not.
    }

    /** The next sends answer these Zalo error codes, one each, in order. */
    public void failNextSends(Integer... errors) {
        failNext.addAll(List.of(errors));
    }

    /**
     * Every send to this user answers this error until {@link #accept(String)}: as Zalo does for a user who has
     * not written to the OA for 7 days (-230) or who unfollowed it (-213). Other users' sends are untouched.
     */
    public void refuse(String userId, int error) {
        refused.put(userId, error);
    }

    public void accept(String userId) {
        refused.remove(userId);
    }

    /**
     * The next sends to this user answer these, one each, in order: a Zalo error code (negative, in an HTTP 200),
     * an HTTP status (500 and up), or {@link #TIMEOUT}. Only that user is affected.
     */
    public void failSendsTo(String userId, int... outcomes) {
        java.util.Deque<Integer> queue = troubles.computeIfAbsent(userId, u -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        for (int outcome : outcomes) {
            queue.add(outcome);
        }
    }

    /** Every send to this user that reached the OA API with a valid token, answered or not, in order. */
    public List<Attempt> attemptsTo(String userId) {
        return attempts.stream().filter(a -> a.userId().equals(userId)).toList();
    }

    /** The hotline's properties for this OA. */
    public Map<String, String> properties() {
        return Map.of("hotline.zalo.app-id", APP_ID, "hotline.zalo.app-secret", APP_SECRET, "hotline.zalo.oa-secret-key", OA_SECRET_KEY,
                "hotline.zalo.access-token", FIRST_ACCESS_TOKEN, "hotline.zalo.refresh-token", FIRST_REFRESH_TOKEN,
                "hotline.zalo.api-url", baseUrl(), "hotline.zalo.oauth-url", baseUrl());
    }

    public void slowRefreshes(long millis) {
        refreshDelayMillis = millis;
    }

    /** Called with the access token of each successful send, before it is answered. */
    public void onSend(Consumer<String> listener) {
        onSend = listener;
    }

    public int refreshCalls() {
        return refreshCalls.get();
    }

    public String validRefreshToken() {
        return validRefreshToken;
    }

    public String validAccessToken() {
        return validAccessToken;
    }

    public List<Sent> sentTo(String userId) {
        return sent.stream().filter(s -> s.userId().equals(userId)).toList();
    }

    public List<Sent> sent() {
        return new ArrayList<>(sent);
    }

    // --- the API ---

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
        if ("POST".equals(request.getMethod()) && "/v3.0/oa/message/cs".equals(path)) {
            return send(request.getHeaders().get("access_token"), body);
        }
        if ("POST".equals(request.getMethod()) && "/v4/oa/access_token".equals(path)) {
            return refresh(request.getHeaders().get("secret_key"), form(body));
        }
        return json(404, "{\"error\":404,\"message\":\"Not found\"}");
    }

    private MockResponse send(String accessToken, String body) {
        if (accessToken == null || !accessToken.equals(validAccessToken)) {
            return json(200, "{\"error\":-216,\"message\":\"Access token is invalid\"}");
        }
        JsonNode request = JSON.readTree(body);
        String userId = request.path("recipient").path("user_id").asString();
        String text = request.path("message").path("text").asString();
        long now = System.nanoTime() / 1_000_000;
        Integer refusal = refused.get(userId);
        if (refusal != null) {
            attempts.add(new Attempt(userId, refusal, now));
            return failure(refusal);
        }
        Integer trouble = troubles.getOrDefault(userId, new java.util.ArrayDeque<>()).poll();
        if (trouble != null) {
            attempts.add(new Attempt(userId, trouble, now));
            return trouble == TIMEOUT
                    ? new MockResponse.Builder().code(200).headersDelay(HELD_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS).body("{}").build()
                    : failure(trouble);
        }
        if (!failNext.isEmpty()) {
            int error = failNext.removeFirst();
            attempts.add(new Attempt(userId, error, now));
            return failure(error);
        }
        attempts.add(new Attempt(userId, 0, now));
        onSend.accept(accessToken);
        String messageId = HexFormat.of().formatHex(("m" + nextMessageId.incrementAndGet() + "zalo-oa-message").getBytes(StandardCharsets.US_ASCII));
        sent.add(new Sent(userId, text, accessToken, messageId));
        return json(200, """
                {"data":{"message_id":"%s","user_id":"%s","quota":{"quota_type":"reply","remain":"7","total":"8"}},"error":0,"message":"Success"}"""
                .formatted(messageId, userId));
    }

    private static MockResponse failure(int error) {
        if (error >= 500) {
            return json(error, "<html>bad gateway</html>");
        }
        return json(200, "{\"error\":" + error + ",\"message\":\"" + switch (error) {
            case -32 -> "Request exceeds the limit";
            case -230 -> "User has not interacted with the OA in the past 7 days";
            case -213 -> "User has not followed OA";
            default -> "Error";
        } + "\"}");
    }

    private synchronized MockResponse refresh(String secretKey, Map<String, String> form) throws InterruptedException {
        refreshCalls.incrementAndGet();
        if (!APP_SECRET.equals(secretKey) || !APP_ID.equals(form.get("app_id")) || !"refresh_token".equals(form.get("grant_type"))) {
            return json(200, "{\"error\":-14002,\"error_name\":\"Invalid app\",\"error_description\":\"invalid app or secret\"}");
        }
        if (!validRefreshToken.equals(form.get("refresh_token"))) {
            return json(200, "{\"error\":-14014,\"error_name\":\"Invalid refresh token\",\"error_description\":\"Refresh token is invalid\"}");
        }
        Thread.sleep(refreshDelayMillis);
        int g = generation.incrementAndGet();
        validAccessToken = "access-token-" + g;
        validRefreshToken = "refresh-token-" + g; // the old one is spent
        return json(200, "{\"access_token\":\"%s\",\"refresh_token\":\"%s\",\"expires_in\":\"90000\"}"
                .formatted(validAccessToken, validRefreshToken));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    // --- webhook events, as Zalo's documentation shows them ---

    /** The {@code X-ZEvent-Signature} Zalo puts on a webhook call with this body. */
    public static String signature(byte[] body, String timestamp) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((APP_ID).getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            sha.update(timestamp.getBytes(StandardCharsets.UTF_8));
            sha.update(OA_SECRET_KEY.getBytes(StandardCharsets.UTF_8));
            return "mac=" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String now() {
        return Long.toString(System.currentTimeMillis());
    }

    public static String userSendsText(String userId, String msgId, String text, String timestamp) {
        return """
                {"app_id":"%s","sender":{"id":"%s"},"user_id_by_app":"552177279717587730","recipient":{"id":"%s"},\
                "event_name":"user_send_text","message":{"text":%s,"msg_id":"%s"},"timestamp":"%s"}"""
                .formatted(APP_ID, userId, OA_ID, quote(text), msgId, timestamp);
    }

    /** {@code kind}: image, file, audio, video, sticker, gif, link, location; {@code payload} as Zalo sends it. */
    public static String userSendsAttachment(String kind, String userId, String msgId, String text, String payload, String timestamp) {
        return """
                {"app_id":"%s","sender":{"id":"%s"},"user_id_by_app":"552177279717587730","recipient":{"id":"%s"},\
                "event_name":"user_send_%s","message":{"msg_id":"%s","text":%s,"attachments":[{"payload":%s,"type":"%s"}]},"timestamp":"%s"}"""
                .formatted(APP_ID, userId, OA_ID, kind, msgId, quote(text), payload, kind, timestamp);
    }

    public static String follow(String event, String userId, String timestamp) {
        return """
                {"oa_id":"%s","follower":{"id":"%s"},"user_id_by_app":"552177279717587730","event_name":"%s",\
                "source":"oa_profile","app_id":"%s","timestamp":"%s"}"""
                .formatted(OA_ID, userId, event, APP_ID, timestamp);
    }

    /** user_received_message or user_seen_message about the OA's messages to {@code userId}. */
    public static String report(String event, String userId, List<String> msgIds, String timestamp) {
        return """
                {"app_id":"%s","sender":{"id":"%s"},"user_id_by_app":"552177279717587730","recipient":{"id":"%s"},\
                "event_name":"%s","message":{"msg_ids":%s%s},"timestamp":"%s"}"""
                .formatted(APP_ID, OA_ID, userId, event, JSON.writeValueAsString(msgIds),
                        "user_received_message".equals(event) ? ",\"delivery_time\":\"" + timestamp + "\"" : "", timestamp);
    }

    public static String oaSendsText(String userId, String msgId, String text, String timestamp) {
        return """
                {"app_id":"%s","sender":{"id":"%s"},"user_id_by_app":"552177279717587730","recipient":{"id":"%s"},\
                "event_name":"oa_send_text","message":{"text":%s,"msg_id":"%s"},"timestamp":"%s"}"""
                .formatted(APP_ID, OA_ID, userId, quote(text), msgId, timestamp);
    }

    static String quote(String s) {
        return JSON.writeValueAsString(s);
    }

    @Override
    public void close() {
        server.close();
    }
}
