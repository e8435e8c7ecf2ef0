package vn.kontum.hotline;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.conversation.MessageProcessor;
import vn.kontum.hotline.delivery.DeliveryWorker;
import vn.kontum.hotline.queue.StreamWorkers;
import vn.kontum.hotline.queue.WorkQueue;

/** Starts the workers that process accepted messages and deliver replies, and stops them first at shutdown. */
@Component
class HotlineWorkers implements SmartLifecycle {

    private final List<StreamWorkers> workers;
    private volatile boolean running;

    HotlineWorkers(WorkQueue queue, MessageProcessor processor, DeliveryWorker delivery,
                   @Value("${hotline.node-id}") String node,
                   @Value("${hotline.workers.processing-threads:2}") int processingThreads,
                   @Value("${hotline.workers.delivery-threads:4}") int deliveryThreads,
                   @Value("${hotline.workers.urgent-threads:3}") int urgentThreads,
                   @Value("${hotline.workers.urgent-batch:8}") int urgentBatch,
                   @Value("${hotline.workers.urgent-delivery-threads:4}") int urgentDeliveryThreads,
                   @Value("${hotline.workers.batch:50}") int batch,
                   @Value("${hotline.workers.urgent-delivery-batch:4}") int urgentDeliveryBatch,
                   @Value("${hotline.queue.claim-after:PT30S}") Duration claimAfter,
                   @Value("${hotline.workers.gather:PT0.1S}") Duration gather,
                   @Value("${hotline.workers.urgent-gather:PT0S}") Duration urgentGather) {
        this.workers = List.of(
                new StreamWorkers(queue, WorkQueue.INBOUND, node, processingThreads, batch, claimAfter, gather, processor),
                new StreamWorkers(queue, WorkQueue.OUTBOUND, node, deliveryThreads, batch, claimAfter, gather, delivery),
                // No processing (or no delivery) on this node means none in the urgent lane either. Small batches
                // there: an urgent message must not wait for the processing of forty others taken with it, nor its
                // emergency answer for their sends (a platform send is a network call and a commit each).
                new StreamWorkers(queue, WorkQueue.URGENT_INBOUND, node, processingThreads == 0 ? 0 : urgentThreads, urgentBatch, claimAfter, urgentGather, processor),
                new StreamWorkers(queue, WorkQueue.URGENT_OUTBOUND, node, deliveryThreads == 0 ? 0 : urgentDeliveryThreads, urgentDeliveryBatch,
                        claimAfter, urgentGather, delivery));
    }

    @Override
    public void start() {
        workers.forEach(StreamWorkers::start);
        running = true;
    }

    @Override
    public void stop() {
        workers.forEach(StreamWorkers::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // after the web server, so that work starts once everything else is up
    }
}
