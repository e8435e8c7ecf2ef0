package vn.kontum.hotline.oncall.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.redis.SharedCopy;
import vn.kontum.hotline.redis.SharedVersion;

/**
 * Officers' own chats with the hotline's Telegram bot or Zalo OA. An officer asks their console for a one-time
 * code and sends it to the bot or the OA; the chat it came from is then theirs, and alerts go there. Codes are random (10 characters from 32,
 * about 50 bits), single use, valid for {@code hotline.oncall.link-code-ttl} (15 minutes), and only their
 * SHA-256 is stored. A new code replaces the account's earlier unused ones.
 */
@Component
public class OfficerChats {

    private static final Logger log = LoggerFactory.getLogger(OfficerChats.class);
    /** No 0/O or 1/I: codes are read off a screen and typed on a phone. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 10;
    private static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    /** Which chats are linked to some account ("channel:chatId"): a chat not among them is no officer's. */
    private final SharedVersion links;
    private final SharedCopy<Set<String>> linked;

    OfficerChats(JdbcClient jdbc, TransactionTemplate tx, StringRedisTemplate redis,
                 @Value("${hotline.oncall.link-code-ttl:PT15M}") Duration ttl) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ttl = ttl;
        this.links = new SharedVersion(redis, "hotline:officer-chats:version");
        this.linked = new SharedCopy<>(links, () -> Set.copyOf(jdbc.sql("select channel, chat_id from officer_chat")
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2)).list()));
    }

    /** A linked chat; {@code lastMessageAt}: when the officer last wrote from it (null: not since the link was made). */
    public record Link(long accountId, Channel channel, String chatId, OffsetDateTime linkedAt, @Nullable OffsetDateTime lastMessageAt) {

        /** When the officer last wrote from this chat, the link itself counting as a message. */
        public OffsetDateTime lastActiveAt() {
            return lastMessageAt != null && lastMessageAt.isAfter(linkedAt) ? lastMessageAt : linkedAt;
        }
    }

    /** A new one-time code for the account, shown once on its console. */
    public String newCode(long accountId, OffsetDateTime now) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("delete from officer_link_code where account_id = :a and (used_at is null or expires_at < :now)")
                    .param("a", accountId).param("now", now).update();
            jdbc.sql("""
                            insert into officer_link_code (code_hash, account_id, created_at, expires_at)
                            values (:hash, :a, :now, :expires)""")
                    .param("hash", hash(code.toString())).param("a", accountId).param("now", now).param("expires", now.plus(ttl)).update();
        });
        log.info("link code issued to account {}", accountId);
        return code.toString();
    }

    public Duration codeValidity() {
        return ttl;
    }

    /** Whether {@code text} has the shape of a link code (typed codes may be lower case or spaced). */
    public static boolean looksLikeCode(String text) {
        return SHAPE.matcher(normalise(text)).matches();
    }

    /**
     * Links the chat to the code's account, if the code is valid, unused and not expired; returns the account.
     * The chat leaves any account it was linked to; the account leaves its earlier chat on this channel.
     */
    public Optional<Long> redeem(String code, Channel channel, String chatId, OffsetDateTime now) {
        String normalised = normalise(code);
        if (!SHAPE.matcher(normalised).matches()) {
            return Optional.empty();
        }
        String hash = hash(normalised);
        Optional<Long> account = tx.execute(status -> {
            Optional<Long> owner = jdbc.sql("""
                            select account_id from officer_link_code
                            where code_hash = :hash and used_at is null and expires_at > :now""")
                    .param("hash", hash).param("now", now).query(Long.class).optional();
            if (owner.isEmpty()) {
                return Optional.<Long>empty();
            }
            int used = jdbc.sql("update officer_link_code set used_at = :now where code_hash = :hash and used_at is null")
                    .param("now", now).param("hash", hash).update();
            if (used != 1) {
                return Optional.<Long>empty(); // used at the same moment by another message
            }
            jdbc.sql("delete from officer_chat where (account_id = :a and channel = :channel) or (channel = :channel and chat_id = :chat)")
                    .param("a", owner.get()).param("channel", channel.id()).param("chat", chatId).update();
            jdbc.sql("""
                            insert into officer_chat (account_id, channel, chat_id, linked_at, last_message_at)
                            values (:a, :channel, :chat, :now, :now)""")
                    .param("a", owner.get()).param("channel", channel.id()).param("chat", chatId).param("now", now).update();
            return owner;
        });
        if (account != null && account.isPresent()) {
            links.changed();
        }
        account.ifPresentOrElse(a -> log.info("account {} linked its {} chat", a, channel.id()),
                () -> log.info("link code refused on {}", channel.id()));
        return account == null ? Optional.empty() : account;
    }

    public Optional<Link> linkOf(long accountId, Channel channel) {
        return jdbc.sql("""
                        select account_id, channel, chat_id, linked_at, last_message_at from officer_chat
                        where account_id = :a and channel = :channel""")
                .param("a", accountId).param("channel", channel.id())
                .query((rs, n) -> new Link(rs.getLong(1), Channel.of(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
                .optional();
    }

    /** The officer wrote from this chat at {@code now} (Zalo's 7-day window for the OA's messages starts again). */
    public void wroteFrom(Channel channel, String chatId, OffsetDateTime now) {
        jdbc.sql("""
                        update officer_chat set last_message_at = :now
                        where channel = :channel and chat_id = :chat and (last_message_at is null or last_message_at < :now)""")
                .param("now", now).param("channel", channel.id()).param("chat", chatId).update();
    }

    /**
     * The enabled account whose chat this is. Asked for every message on Telegram and Zalo, so a chat linked to no
     * account, a woman's, is answered from memory (a link made on another node is known here within a second); the
     * database decides the rest.
     */
    public Optional<Long> accountOfChat(Channel channel, String chatId) {
        if (!linked.current().contains(channel.id() + ":" + chatId)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select o.account_id from officer_chat o join account a on a.id = o.account_id
                        where o.channel = :channel and o.chat_id = :chat and a.enabled""")
                .param("channel", channel.id()).param("chat", chatId).query(Long.class).optional();
    }

    /**
     * A chat was linked by other means than a code (an administrator's script writing {@code officer_chat}): every
     * node reads the links again, this one at once, the others within a second.
     */
    public void linkedOutside() {
        links.changed();
    }

    public void unlink(long accountId, Channel channel) {
        jdbc.sql("delete from officer_chat where account_id = :a and channel = :channel")
                .param("a", accountId).param("channel", channel.id()).update();
        log.info("account {} unlinked its {} chat", accountId, channel.id());
    }

    /**
     * Every chat linked to the account, unlinked: its password was reset or it was disabled, perhaps because her phone
     * was lost, and that phone must stop receiving urgent alerts (case numbers, places) and acknowledging them. She
     * links again from her own page.
     */
    public void unlinkAll(long accountId) {
        int n = jdbc.sql("delete from officer_chat where account_id = :a").param("a", accountId).update();
        if (n > 0) {
            links.changed();
            log.info("account {}: {} linked chats unlinked", accountId, n);
        }
    }

    public Optional<String> username(long accountId) {
        return jdbc.sql("select username from account where id = :a").param("a", accountId).query(String.class).optional();
    }

    private static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
