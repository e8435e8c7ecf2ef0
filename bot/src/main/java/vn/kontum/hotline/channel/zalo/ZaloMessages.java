package vn.kontum.hotline.channel.zalo;

import java.io.IOException;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.kontum.hotline.delivery.SendResult;

/**
 * Every message the hotline sends on Zalo, to women and to officers alike: OA customer-service messages
 * ({@code POST /v3.0/oa/message/cs}) with the OA's access token, refreshed once when Zalo refuses it. Zalo
 * answers errors with HTTP 200 and a negative {@code error}; they are read here as try-again-later or never.
 */
public final class ZaloMessages {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ZaloSettings settings;
    private final ZaloTokens tokens;
    private final OkHttpClient http;
    private final JsonMapper json;

    ZaloMessages(ZaloSettings settings, ZaloTokens tokens, OkHttpClient http, JsonMapper json) {
        this.settings = settings;
        this.tokens = tokens;
        this.http = http;
        this.json = json;
    }

    private record Answer(int error, @Nullable String messageId, String description) {
    }

    /** A text to the Zalo user {@code userId} (the id the OA's webhook events name as sender). */
    public SendResult send(String userId, String text) {
        try {
            String token = tokens.accessToken();
            Answer answer = post(token, userId, text);
            if (answer.error() == -216 || answer.error() == -220) {
                answer = post(tokens.refresh(token), userId, text); // once: a second refusal is retried later
            }
            return read(answer);
        } catch (ServerTrouble e) {
            return new SendResult.Retry(e.getMessage(), null);
        } catch (IOException e) {
            return new SendResult.Retry("zalo unreachable: " + e.getClass().getSimpleName(), null);
        } catch (IllegalStateException e) {
            return new SendResult.Retry("zalo token unavailable: " + e.getMessage(), null);
        }
    }

    private static SendResult read(Answer answer) {
        return switch (answer.error()) {
            case 0 -> new SendResult.Sent(answer.messageId());
            case -32 -> new SendResult.Retry("zalo -32: rate limit", null);
            case -230, -232 -> new SendResult.Failed("zalo " + answer.error()
                    + ": the user has not written to the OA in the last 7 days; Zalo allows no reply now");
            case -213 -> new SendResult.Failed("zalo -213: the user does not follow the OA (or unfollowed it)");
            case -216, -220 -> new SendResult.Retry("zalo " + answer.error() + ": access token refused after a refresh", null);
            default -> new SendResult.Retry("zalo " + answer.error() + ": " + answer.description(), null);
        };
    }

    private Answer post(String accessToken, String userId, String text) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        body.putObject("message").put("text", text);
        Request request = new Request.Builder().url(settings.apiUrl() + "/v3.0/oa/message/cs")
                .header("access_token", accessToken)
                .post(RequestBody.create(json.writeValueAsBytes(body), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new ServerTrouble("zalo http " + response.code());
            }
            JsonNode answer = json.readTree(response.body().string());
            int error = answer.path("error").asInt(Integer.MIN_VALUE);
            if (error == Integer.MIN_VALUE) {
                throw new ServerTrouble("zalo answer without error code");
            }
            JsonNode id = answer.path("data").path("message_id");
            return new Answer(error, id.isValueNode() ? id.asString() : null, truncate(answer.path("message").asString("")));
        } catch (JacksonException e) {
            throw new ServerTrouble("zalo answer unreadable");
        }
    }

    private static String truncate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120);
    }

    /** 5xx, a proxy's error page, an answer that is not Zalo's: worth another try later. */
    private static final class ServerTrouble extends RuntimeException {
        ServerTrouble(String message) {
            super(message, null, false, false);
        }
    }
}
