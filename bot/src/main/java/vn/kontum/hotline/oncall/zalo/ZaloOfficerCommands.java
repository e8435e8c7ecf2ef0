package vn.kontum.hotline.oncall.zalo;

import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.MessageSource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.channel.zalo.ZaloMessages;
import vn.kontum.hotline.channel.zalo.ZaloOfficerEvents;
import vn.kontum.hotline.delivery.SendResult;
import vn.kontum.hotline.oncall.alert.Acknowledgement;
import vn.kontum.hotline.oncall.alert.UrgentAlerts;
import vn.kontum.hotline.oncall.link.OfficerChats;
import vn.kontum.hotline.oncall.link.OnceOnly;

/**
 * Officers' messages to the OA, taken before intake so that they never open a case:
 * <ul>
 * <li>{@code /link CODE}, also {@code link CODE}, any case, with or without the slash (typed on phones): links
 * the Zalo user to the account that asked for the code. With the slash always taken, valid or not (a woman has no
 * reason to type it); without it only when what follows has the shape of a code, so that a woman's "link ..." is
 * still hers.</li>
 * <li>From a linked officer: "nhận", "nhan", "ok", "đã nhận", "dạ em nhận ạ" ... acknowledges the most recent open alert sent to
 * them; the case number ("123", "#123", "nhận 123") acknowledges that case's alert.</li>
 * <li>Anything else from a linked officer: answered with a hint to use the console, no case.</li>
 * </ul>
 * Every message from a linked officer is noted as their last message to the OA: Zalo lets the OA write to them
 * (and so alert them) only within 7 days of it. The answers go out off the webhook's thread: Zalo turns off a
 * webhook that answers slowly, and what was done is already in the database.
 */
@Component
@ConditionalOnExpression("!'${hotline.zalo.app-id:}'.isBlank()")
class ZaloOfficerCommands implements ZaloOfficerEvents {

    private static final Logger log = LoggerFactory.getLogger(ZaloOfficerCommands.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL;
    private static final Pattern SLASH_LINK = Pattern.compile("^/link\\s*:?\\s*(.*)$", FLAGS);
    private static final Pattern BARE_LINK = Pattern.compile("^link\\s*:?\\s*(.+)$", FLAGS);
    /** On the text without diacritics, lower case, spaces collapsed, end punctuation dropped. */
    private static final Pattern ACK = Pattern.compile("^(?:(?:da|vang|em|toi|minh|chi|anh)\\s+){0,3}(?:nhan|ok|oke|okay)(?:\\s+roi)?"
            + "(?:\\s+(?:truong hop\\s+|ca\\s+)?#?(\\d{1,12}))?(?:\\s+(?:a|nhe|nha|roi))?$"); // "dạ em nhận ạ", "nhận 123 nhé"
    private static final Pattern NUMBER = Pattern.compile("^#?(\\d{1,12})$");

    private final ZaloMessages zalo;
    private final OfficerChats chats;
    private final UrgentAlerts alerts;
    private final MessageSource messages;
    private final StringRedisTemplate redis;
    private final Clock clock;

    ZaloOfficerCommands(ZaloMessages zalo, OfficerChats chats, UrgentAlerts alerts, MessageSource messages,
                        StringRedisTemplate redis, Clock clock) {
        this.zalo = zalo;
        this.chats = chats;
        this.alerts = alerts;
        this.messages = messages;
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public boolean take(String userId, String msgId, String text) {
        String code = linkCode(text.strip());
        if (code != null) {
            once(msgId, () -> link(userId, code));
            return true;
        }
        Optional<Long> account = chats.accountOfChat(Channel.ZALO, userId);
        if (account.isEmpty()) {
            return false;
        }
        // An officer's own Zalo (e.g. "em nhận" under an alert): not a woman's message, so never a case.
        OffsetDateTime now = HotlineClock.now(clock);
        chats.wroteFrom(Channel.ZALO, userId, now);
        once(msgId, () -> answerOfficer(userId, account.get(), text, now));
        return true;
    }

    /** The code of a link message, "" for {@code /link} without one; null when the text is not a link message. */
    static @Nullable String linkCode(String text) {
        Matcher slash = SLASH_LINK.matcher(text);
        if (slash.matches()) {
            return slash.group(1).strip();
        }
        Matcher bare = BARE_LINK.matcher(text);
        if (bare.matches() && OfficerChats.looksLikeCode(bare.group(1))) {
            return bare.group(1).strip();
        }
        return null;
    }

    /** What an officer's message asks: null when it is no acknowledgement, 0 for "the latest", else a case number. */
    static @Nullable Long acknowledgement(String text) {
        String plain = plain(text);
        Matcher ack = ACK.matcher(plain);
        if (ack.matches()) {
            return ack.group(1) == null ? 0L : Long.parseLong(ack.group(1));
        }
        Matcher number = NUMBER.matcher(plain);
        return number.matches() ? Long.parseLong(number.group(1)) : null;
    }

    /** "Đã nhận!" → "da nhan": Vietnamese typed with or without its marks, any case, reads alike; punctuation goes. */
    static String plain(String text) {
        String decomposed = Normalizer.normalize(text.strip().replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        // A question mark is kept: "nhận?" asks, it does not take the case.
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[.!,;:()]", " ").replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    private void link(String userId, String code) {
        OffsetDateTime now = HotlineClock.now(clock);
        Optional<Long> account = code.isEmpty() ? Optional.empty() : chats.redeem(code, Channel.ZALO, userId, now);
        chats.wroteFrom(Channel.ZALO, userId, now); // a linked officer's link message counts as their last message too
        String reply = account.map(a -> text("oncall.zalo.link.done", chats.username(a).orElse("#" + a)))
                .orElseGet(() -> text(code.isEmpty() ? "oncall.link.usage" : "oncall.link.refused"));
        reply(userId, reply);
    }

    private void answerOfficer(String userId, long account, String text, OffsetDateTime now) {
        Long asked = acknowledgement(text);
        if (asked == null) {
            reply(userId, text("oncall.zalo.officer-chat.hint"));
            return;
        }
        UrgentAlerts.FromChat done = asked == 0
                ? alerts.acknowledgeLatestSentTo(account, Acknowledgement.ZALO, now)
                : alerts.acknowledgeCaseFromChat(asked, account, Acknowledgement.ZALO, now);
        String caseNo = Long.toString(done.caseId());
        reply(userId, switch (done.result()) {
            case ACKNOWLEDGED -> text("oncall.zalo.ack.done", caseNo);
            case ALREADY_ACKNOWLEDGED -> text("oncall.zalo.ack.already", caseNo);
            case NOT_ALLOWED -> text("oncall.zalo.ack.not-allowed", caseNo);
            case NOTHING_WAITING -> text("oncall.zalo.ack.nothing");
        });
    }

    /** Done once although the platform may send the same event again (see {@link OnceOnly}). */
    private void once(String msgId, Runnable command) {
        OnceOnly.run(redis, "hotline:zalo:officer-event:" + msgId, command);
    }

    /** Off the webhook's thread; a lost answer costs the officer a confirmation, not the link or the acknowledgement. */
    private void reply(String userId, String text) {
        Thread.ofVirtual().name("zalo-officer-reply").start(() -> {
            try {
                SendResult result = zalo.send(userId, text);
                switch (result) {
                    case SendResult.Sent sent -> log.debug("answer to an officer's Zalo message sent");
                    case SendResult.Failed failed -> log.warn("answer to an officer's Zalo message not sent: {}", failed.reason());
                    case SendResult.Retry retry -> log.warn("answer to an officer's Zalo message not sent: {}", retry.reason());
                    case SendResult.NotYet notYet -> log.warn("answer to an officer's Zalo message not sent: busy");
                }
            } catch (RuntimeException e) {
                log.warn("answer to an officer's Zalo message not sent: {}", e.getClass().getSimpleName());
            }
        });
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
