package vn.kontum.hotline.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.contact.Contacts;
import vn.kontum.hotline.metrics.HotlineMetrics;
import vn.kontum.hotline.nlp.MessageClassifier;
import vn.kontum.hotline.queue.WorkQueue;
import vn.kontum.hotline.secrets.ContentCipher;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.understanding.RecentClassifications;

import static org.assertj.core.api.Assertions.assertThat;

/** Group commit: messages that arrive within the intake's gathering time are stored in one transaction. */
class MessageIntakeTest extends HotlineIntegrationTest {

    @Autowired PlatformTransactionManager transactions;
    @Autowired Contacts contacts;
    @Autowired WorkQueue queue;
    @Autowired Clock clock;
    @Autowired ContentCipher content;
    @Autowired HotlineMetrics metrics;
    @Autowired MessageClassifier classifier;
    @Autowired RecentClassifications understood;

    private final AtomicInteger commits = new AtomicInteger();

    @Test
    void messages_arriving_a_little_apart_are_stored_in_one_commit_and_each_caller_waits_for_it() throws Exception {
        MessageIntake intake = intake(Duration.ofSeconds(2)); // a new one joins if it comes within 400 ms of the last
        intake.start();
        String run = Long.toString(System.nanoTime());
        List<Acceptance> accepted = new ArrayList<>();
        List<Thread> callers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                InboundMessage message = InboundMessage.text(Channel.WEB, "gather-" + run + "-" + i, "gather-" + run + "-" + i, "xin chào");
                callers.add(Thread.ofVirtual().start(() -> {
                    Acceptance a = intake.accept(message);
                    synchronized (accepted) {
                        accepted.add(a);
                    }
                }));
                Thread.sleep(80);
            }
            for (Thread caller : callers) {
                caller.join(5_000);
            }
        } finally {
            intake.stop();
        }

        assertThat(accepted).hasSize(4).noneMatch(Acceptance::duplicate);
        assertThat(commits).hasValue(1);
        assertThat(jdbc.sql("select count(*) from message where inbound_key like :k").param("k", "web:gather-" + run + "-%")
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void a_lone_message_waits_only_for_the_short_pause_not_the_whole_gathering_time() {
        MessageIntake intake = intake(Duration.ofSeconds(5)); // a pause of a second ends the gathering
        intake.start();
        String run = Long.toString(System.nanoTime());
        long started = System.nanoTime();
        try {
            assertThat(intake.accept(InboundMessage.text(Channel.WEB, "alone-" + run, "alone-" + run, "xin chào")).duplicate()).isFalse();
        } finally {
            intake.stop();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(commits).hasValue(1);
    }

    private MessageIntake intake(Duration gather) {
        TransactionTemplate counting = new TransactionTemplate(transactions) {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                commits.incrementAndGet();
                return super.execute(action);
            }
        };
        return new MessageIntake(jdbc, counting, contacts, queue, clock, content, metrics, classifier, understood, 1, 100, 100, gather);
    }
}
