package vn.kontum.hotline.admin.live;

import jakarta.annotation.PreDestroy;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.kontum.hotline.admin.live.CaseNews.Kind;
import vn.kontum.hotline.cases.CaseTransferred;
import vn.kontum.hotline.cases.UrgentCaseRaised;
import vn.kontum.hotline.conversation.MessageFiled;
import vn.kontum.hotline.delivery.ReplyStateChanged;
import vn.kontum.hotline.redis.NewsBroadcast;

/**
 * Turns what the bot announces about cases into {@link CaseNews} on a Redis channel that every node listens to:
 * the officer whose page should change may be connected to another node than the one that processed the message.
 * Only after the commit (nothing is told about work that was rolled back), through a {@link NewsBroadcast}: the
 * thread that committed (processing a message, sending a reply) goes straight on to its next step, the emergency
 * answer first of all, and the news of a busy moment leaves together. A failure here costs a live update, never the
 * message: the pages also refresh when their stream comes back, or by their slow fallback poll.
 */
@Component
class CaseNewsRelay {

    static final String CHANNEL = "hotline:console:case-news";

    private final NewsBroadcast broadcast;

    CaseNewsRelay(StringRedisTemplate redis) {
        this.broadcast = new NewsBroadcast(redis, CHANNEL, 10_000);
    }

    @PreDestroy
    void stop() {
        broadcast.close();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void filed(MessageFiled filed) {
        broadcast.tell(new CaseNews(filed.caseOpened() ? Kind.CASE : Kind.MESSAGE, filed.caseId(), filed.servicePointId()).encode());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void urgent(UrgentCaseRaised raised) {
        broadcast.tell(new CaseNews(Kind.URGENT, raised.caseId(), raised.servicePointId()).encode());
    }

    /** The receiving service point finds it in its inbox at once; the one it left hears no more of it. */
    @TransactionalEventListener(fallbackExecution = true)
    void transferred(CaseTransferred transferred) {
        broadcast.tell(new CaseNews(Kind.CASE, transferred.caseId(), transferred.toServicePointId()).encode());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void delivery(ReplyStateChanged changed) {
        broadcast.tell(new CaseNews(Kind.DELIVERY, changed.caseId(), changed.servicePointId()).encode());
    }
}
