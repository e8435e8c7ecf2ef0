package vn.kontum.hotline.admin.casefile;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.attachments.AttachmentContent;
import vn.kontum.hotline.attachments.Attachments;

/**
 * A woman's photo, voice message or file, opened by an officer of her case: fetched from the platform by the
 * server and passed on, never a platform URL in the page. Same authorisation as the case page (another service
 * point's case is 404); nothing is kept on disk or in a cache.
 */
@Controller
class CaseAttachmentController {

    private static final Logger log = LoggerFactory.getLogger(CaseAttachmentController.class);
    /** Shown in the page; anything else is offered as a download. */
    private static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/webp", "image/gif", "audio/ogg", "audio/mpeg",
            "audio/mp4", "video/mp4", "video/webm");

    private final CaseFiles files;
    private final Accounts accounts;
    private final Attachments attachments;
    private final JdbcClient jdbc;

    CaseAttachmentController(CaseFiles files, Accounts accounts, Attachments attachments, JdbcClient jdbc) {
        this.files = files;
        this.accounts = accounts;
        this.attachments = attachments;
        this.jdbc = jdbc;
    }

    @GetMapping("/admin/cases/{id}/attachments/{messageId}")
    ResponseEntity<byte[]> open(@PathVariable long id, @PathVariable long messageId, Authentication auth) {
        CaseFile file = files.require(accounts.viewer(auth), id);
        Optional<Stored> stored = jdbc.sql("""
                        select channel, attachment_ref from message
                        where id = :message and case_id = :case and direction = 'IN' and attachment_ref is not null
                          and attachment_type in ('image', 'audio', 'video', 'file', 'sticker', 'gif')""")
                .param("message", messageId).param("case", file.id())
                .query((rs, n) -> new Stored(Channel.of(rs.getString("channel")), rs.getString("attachment_ref"))).optional();
        if (stored.isEmpty() || !attachments.canOpen(stored.get().channel())) {
            return ResponseEntity.notFound().build();
        }
        Optional<AttachmentContent> content;
        try {
            content = attachments.open(stored.get().channel(), stored.get().reference());
        } catch (IOException e) {
            // Class names only: a platform's error text may carry a URL, and a Telegram file URL holds the bot token.
            log.warn("attachment of message {} (case {}) could not be fetched ({}{})", messageId, id, e.getClass().getSimpleName(),
                    e.getCause() == null ? "" : ", " + e.getCause().getClass().getSimpleName());
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).build();
        }
        if (content.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String type = content.get().contentType();
        boolean inline = INLINE.contains(type);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(inline ? type : MediaType.APPLICATION_OCTET_STREAM_VALUE))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename("message-" + messageId).build().toString())
                .body(content.get().bytes());
    }

    private record Stored(Channel channel, String reference) {
    }
}
