package vn.kontum.hotline.oncall.link;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.support.CountingDataSource;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every Telegram and Zalo message asks whether its chat is an officer's. A woman's chat is answered from memory; a chat
 * linked on this node or on another is an officer's as soon as the link is made (here) or within seconds (there).
 */
class OfficerChatsTest extends HotlineIntegrationTest {

    private static final Duration TTL = Duration.ofMinutes(15);

    @Autowired
    OfficerChats chats; // the running node's
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    StringRedisTemplate redis;

    private long account;

    @BeforeEach
    void officer() {
        Officers.ensure(accounts, encoder, jdbc, "chats-officer", "pw-chats-officer", "Chị Nhớ Chat", Officers.WOMENS_UNION);
        account = jdbc.sql("select id from account where username = 'chats-officer'").query(Long.class).single();
        jdbc.sql("update account set enabled = true where id = :a").param("a", account).update();
    }

    @Test
    void a_womans_chat_is_told_apart_without_asking_the_database() {
        CountingDataSource counting = new CountingDataSource(dataSource);
        OfficerChats node = new OfficerChats(JdbcClient.create(counting), tx, redis, TTL);
        assertThat(node.accountOfChat(Channel.ZALO, "woman-0")).isEmpty();
        counting.reset();

        for (int i = 1; i <= 1_000; i++) {
            assertThat(node.accountOfChat(i % 2 == 0 ? Channel.ZALO : Channel.TELEGRAM, "woman-" + i)).isEmpty();
        }

        assertThat(counting.connections()).as("database connections for 1,000 women's messages").isZero();
    }

    @Test
    void a_chat_linked_on_this_node_is_an_officers_at_once() {
        OfficerChats node = new OfficerChats(jdbc, tx, redis, TTL);
        assertThat(node.accountOfChat(Channel.ZALO, "officer-here")).isEmpty();

        assertThat(node.redeem(node.newCode(account, now()), Channel.ZALO, "officer-here", now())).contains(account);

        assertThat(node.accountOfChat(Channel.ZALO, "officer-here")).contains(account);
    }

    @Test
    void a_chat_linked_on_another_node_is_an_officers_here_within_seconds() {
        OfficerChats here = new OfficerChats(jdbc, tx, redis, TTL);
        assertThat(here.accountOfChat(Channel.TELEGRAM, "770001")).isEmpty();

        assertThat(chats.redeem(chats.newCode(account, now()), Channel.TELEGRAM, "770001", now())).contains(account);

        await().atMost(Duration.ofSeconds(5)).until(() -> here.accountOfChat(Channel.TELEGRAM, "770001").isPresent());
        assertThat(here.accountOfChat(Channel.TELEGRAM, "770001")).contains(account);
    }

    @Test
    void a_disabled_or_unlinked_officers_chat_is_no_longer_an_officers() {
        assertThat(chats.redeem(chats.newCode(account, now()), Channel.ZALO, "officer-leaving", now())).contains(account);
        assertThat(chats.accountOfChat(Channel.ZALO, "officer-leaving")).contains(account);

        jdbc.sql("update account set enabled = false where id = :a").param("a", account).update();
        assertThat(chats.accountOfChat(Channel.ZALO, "officer-leaving")).as("disabled").isEmpty();

        jdbc.sql("update account set enabled = true where id = :a").param("a", account).update();
        chats.unlink(account, Channel.ZALO);
        assertThat(chats.accountOfChat(Channel.ZALO, "officer-leaving")).as("unlinked").isEmpty();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
