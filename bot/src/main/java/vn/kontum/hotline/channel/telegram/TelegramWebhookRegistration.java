package vn.kontum.hotline.channel.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Tells Telegram where to send updates ({@code TELEGRAM_WEBHOOK_URL}) and with which secret, once this node
 * serves HTTP. Without a URL, the webhook is expected to be set already (another node, or by hand). The
 * webhook is left in place at shutdown: other nodes still serve it.
 */
final class TelegramWebhookRegistration implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookRegistration.class);

    private final TelegramClient client;
    private final Environment environment;
    private final String secret;
    private volatile boolean running;

    TelegramWebhookRegistration(TelegramClient client, Environment environment, String secret) {
        this.client = client;
        this.environment = environment;
        this.secret = secret;
    }

    @Override
    public void start() {
        // Read now, not at wiring: the URL may name this server's port, known only once it listens.
        String url = environment.getProperty("hotline.telegram.webhook-url", "").strip();
        running = true;
        if (url.isEmpty()) {
            log.info("telegram webhook mode; TELEGRAM_WEBHOOK_URL not set, so the webhook is not registered by this node");
            return;
        }
        try {
            client.execute(SetWebhook.builder().url(url).secretToken(secret).dropPendingUpdates(false).build());
            log.info("telegram webhook registered");
        } catch (TelegramApiException e) {
            throw new IllegalStateException("telegram setWebhook failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50; // after the web server and the workers start
    }
}
