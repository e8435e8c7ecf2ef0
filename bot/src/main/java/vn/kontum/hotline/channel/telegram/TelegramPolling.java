package vn.kontum.hotline.channel.telegram;

import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;

/** Runs long polling while the hotline runs; stops taking updates first at shutdown. */
final class TelegramPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

    private final String token;
    private final TelegramUrl url;
    private final TelegramUpdates updates;
    private TelegramBotsLongPollingApplication application;

    TelegramPolling(String token, TelegramUrl url, TelegramUpdates updates) {
        this.token = token;
        this.url = url;
        this.updates = updates;
    }

    @Override
    public void start() {
        try {
            application = new TelegramBotsLongPollingApplication(ObjectMapper::new,
                    () -> new OkHttpClient.Builder().readTimeout(java.time.Duration.ofSeconds(75)).build(),
                    Executors::newSingleThreadScheduledExecutor);
            application.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(), updates);
            log.info("telegram long polling started against {}://{}:{}", url.getSchema(), url.getHost(), url.getPort());
        } catch (Exception e) {
            throw new IllegalStateException("telegram long polling could not start", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (application != null) {
                application.close();
            }
        } catch (Exception e) {
            log.warn("telegram long polling did not stop cleanly: {}", e.getClass().getSimpleName());
        }
        application = null;
    }

    @Override
    public boolean isRunning() {
        return application != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50; // after the workers start, and stopped before them
    }
}
