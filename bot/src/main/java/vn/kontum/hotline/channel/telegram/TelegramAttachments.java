package vn.kontum.hotline.channel.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.attachments.AttachmentContent;
import vn.kontum.hotline.attachments.AttachmentSource;

/**
 * Opens a Telegram file by its file_id: getFile, then the download, both server-side. The download URL holds the
 * bot token, so it never leaves this server.
 */
final class TelegramAttachments implements AttachmentSource {

    private final TelegramClient client;
    private final OkHttpClient http;
    private final String fileBase;

    /**
     * The download is done here, not by the library: its download builds the URL on api.telegram.org whatever the
     * configured Bot API server.
     */
    TelegramAttachments(TelegramClient client, OkHttpClient http, String apiUrl, String token) {
        this.client = client;
        this.http = http;
        this.fileBase = apiUrl.replaceAll("/+$", "") + "/file/bot" + token + "/";
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public Optional<AttachmentContent> fetch(String fileId) throws IOException {
        File file;
        try {
            file = client.execute(GetFile.builder().fileId(fileId).build());
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && e.getErrorCode() == 400) {
                return Optional.empty(); // unknown or expired file_id
            }
            throw new IOException("telegram getFile failed: " + e.getErrorCode(), e);
        } catch (TelegramApiException e) {
            throw new IOException("telegram getFile failed", e);
        }
        if (file == null || file.getFilePath() == null) {
            return Optional.empty();
        }
        Request download = new Request.Builder().url(fileBase + file.getFilePath()).get().build();
        try (Response response = http.newCall(download).execute()) {
            if (response.code() == 404) {
                return Optional.empty();
            }
            if (!response.isSuccessful()) {
                // the URL holds the token: never in the message
                throw new IOException("telegram file download answered " + response.code());
            }
            try (InputStream in = response.body().byteStream()) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IOException("telegram file larger than " + MAX_BYTES + " bytes");
                }
                return Optional.of(new AttachmentContent(contentType(file.getFilePath()), bytes));
            }
        }
    }

    /** Telegram's file paths end with the type's usual extension (photos/file_1.jpg, voice/file_2.oga). */
    static String contentType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        int dot = p.lastIndexOf('.');
        return switch (dot < 0 ? "" : p.substring(dot + 1)) {
            case "jpg", "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            case "webp" -> "image/webp";
            case "gif" -> "image/gif";
            case "oga", "ogg" -> "audio/ogg";
            case "mp3" -> "audio/mpeg";
            case "m4a" -> "audio/mp4";
            case "mp4" -> "video/mp4";
            case "webm" -> "video/webm";
            case "pdf" -> "application/pdf";
            default -> "application/octet-stream";
        };
    }
}
