package vn.kontum.hotline.admin.live;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.kontum.hotline.admin.live.CaseNews.Kind;
import vn.kontum.hotline.cases.CaseTransferred;
import vn.kontum.hotline.cases.UrgentCaseRaised;
import vn.kontum.hotline.conversation.MessageFiled;
import vn.kontum.hotline.delivery.ReplyStateChanged;

/**
 * Turns what the bot announces about cases into {@link CaseNews} on a Redis channel that every node listens to:
 * the officer whose page should change may be connected to another node than the one that processed the message.
 * Only after the commit (nothing is told about work that was rolled back), and on a thread of its own, in order:
 * the thread that committed (processing a message, sending a reply) goes straight on to its next step, the
 * emergency answer first of all. A failure here costs a live update, never the message: the pages also refresh
 * when their stream comes back, or by their slow fallback poll.
 */
@Component
class CaseNewsRelay {

    static final String CHANNEL = "hotline:console:case-news";
    private static final Logger log = LoggerFactory.getLogger(CaseNewsRelay.class);

    private final StringRedisTemplate redis;
    private final AtomicLong dropped = new AtomicLong();
    /** One thread keeps the news in order; a full queue (Redis away for long) drops news rather than hold up work. */
    private final ThreadPoolExecutor relay = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000),
            Thread.ofVirtual().name("case-news").factory(), (task, executor) -> {
                long n = dropped.incrementAndGet();
                if (n % 1_000 == 1) { // once per thousand: a relay far behind must not flood the log too
                    log.warn("case news dropped: the relay is behind ({} dropped so far)", n);
                }
            });

    CaseNewsRelay(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @PreDestroy
    void stop() {
        relay.shutdown();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void filed(MessageFiled filed) {
        later(new CaseNews(filed.caseOpened() ? Kind.CASE : Kind.MESSAGE, filed.caseId(), filed.servicePointId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void urgent(UrgentCaseRaised raised) {
        later(new CaseNews(Kind.URGENT, raised.caseId(), raised.servicePointId()));
    }

    /** The receiving service point finds it in its inbox at once; the one it left hears no more of it. */
    @TransactionalEventListener(fallbackExecution = true)
    void transferred(CaseTransferred transferred) {
        later(new CaseNews(Kind.CASE, transferred.caseId(), transferred.toServicePointId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void delivery(ReplyStateChanged changed) {
        later(new CaseNews(Kind.DELIVERY, changed.caseId(), changed.servicePointId()));
    }

    private void later(CaseNews news) {
        relay.execute(() -> publish(news));
    }

    private void publish(CaseNews news) {
        try {
            redis.convertAndSend(CHANNEL, news.encode());
        } catch (RuntimeException e) {
            log.warn("case news for case {} not published ({})", news.caseId(), e.getClass().getSimpleName());
        }
    }
}
