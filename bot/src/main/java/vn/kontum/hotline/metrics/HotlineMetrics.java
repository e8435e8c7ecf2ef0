package vn.kontum.hotline.metrics;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The hotline's own figures for Prometheus: messages in and out per channel, what they were about, delivery
 * failures, how long acknowledging and answering took, and the backlog of work waiting. Labels are channels,
 * categories and results only: never a text, a name or an id of a person.
 */
@Component
public class HotlineMetrics {

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final AtomicLong inboundWaiting = new AtomicLong();
    private final AtomicLong repliesWaiting = new AtomicLong();
    private final ConcurrentMap<String, Meter> meters = new ConcurrentHashMap<>();

    HotlineMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
        Gauge.builder("hotline.queue.backlog", inboundWaiting, AtomicLong::get).tag("queue", "inbound")
                .description("messages accepted and not processed yet").register(registry);
        Gauge.builder("hotline.queue.backlog", repliesWaiting, AtomicLong::get).tag("queue", "outbound")
                .description("replies queued and not sent yet").register(registry);
    }

    public void accepted(String channel, Duration took) {
        this.<Counter>meter("in " + channel, r -> Counter.builder("hotline.messages.in").tag("channel", channel).register(r)).increment();
        this.<Timer>meter("ack " + channel, r -> Timer.builder("hotline.acknowledgement").tag("channel", channel).publishPercentileHistogram()
                .register(r)).record(took);
    }

    /** How many messages the intake stored in one commit. */
    public void intakeBatch(int messages) {
        this.<DistributionSummary>meter("intake batch", r -> DistributionSummary.builder("hotline.intake.batch")
                .description("messages stored in one commit by the intake").register(r)).record(messages);
    }

    public void understood(String category, boolean urgent, Duration sinceArrival) {
        this.<Counter>meter("understood " + category + " " + urgent, r -> Counter.builder("hotline.messages.understood")
                .tag("category", category).tag("urgent", Boolean.toString(urgent)).register(r)).increment();
        this.<Timer>meter("queued " + urgent, r -> Timer.builder("hotline.reply.queued").tag("urgent", Boolean.toString(urgent))
                .publishPercentileHistogram().register(r)).record(sinceArrival);
    }

    /** {@code result}: sent, retry, failed, held. */
    public void delivery(String channel, String result) {
        this.<Counter>meter("out " + channel + " " + result, r -> Counter.builder("hotline.messages.out").tag("channel", channel)
                .tag("result", result).register(r)).increment();
    }

    public void urgentReplyLeft(Duration sinceArrival) {
        this.<Timer>meter("urgent left", r -> Timer.builder("hotline.urgent.reply.left").publishPercentileHistogram().register(r))
                .record(sinceArrival);
    }

    /**
     * The meter for these labels, registered once: looking it up in the registry on every message (building its
     * id, sorting its tags) cost a visible share of the CPU under load. Labels come from small fixed sets.
     */
    @SuppressWarnings("unchecked")
    private <M extends Meter> M meter(String labels, Function<MeterRegistry, M> register) {
        return (M) meters.computeIfAbsent(labels, k -> register.apply(registry));
    }

    /** The backlog, from the database (the truth the sweeper also works from), every 15 seconds. */
    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT5S")
    void measureBacklog() {
        try {
            inboundWaiting.set(jdbc.sql("select count(*) from message where state = 'ACCEPTED'").query(Long.class).single());
            repliesWaiting.set(jdbc.sql("select count(*) from message where state in ('QUEUED', 'SENDING')").query(Long.class).single());
        } catch (DataAccessException e) {
            // the health endpoint reports the database; the gauges keep their last value
        }
    }
}
