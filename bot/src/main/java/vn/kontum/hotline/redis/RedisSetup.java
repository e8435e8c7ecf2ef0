package vn.kontum.hotline.redis;

import java.nio.file.Path;
import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Redis for the hotline: the server at {@code REDIS_URL} when set, else an embedded redis-server under the
 * data folder. Spring Data Redis (templates, health) and the work queue's own Lettuce client use the same server.
 */
@Configuration(proxyBeanMethods = false)
class RedisSetup {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** Longer than the workers' blocking reads (1 s). */
    private static final Duration QUEUE_COMMAND_TIMEOUT = Duration.ofSeconds(5);

    /** Where Redis is; built once, after the embedded server (if any) is up. */
    record RedisLocation(RedisURI uri, @Nullable EmbeddedRedis embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    RedisLocation redisLocation(@Value("${hotline.redis.url:}") String url,
                                @Value("${hotline.data-dir}") String dataDir,
                                @Value("${hotline.redis.embedded-port:6380}") int embeddedPort) {
        if (!url.isBlank()) {
            return new RedisLocation(RedisURI.create(url), null);
        }
        EmbeddedRedis embedded = EmbeddedRedis.start(Path.of(dataDir), embeddedPort);
        return new RedisLocation(RedisURI.create("127.0.0.1", embedded.port()), embedded);
    }

    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisLocation location) {
        RedisURI uri = location.uri();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        config.setDatabase(uri.getDatabase());
        if (uri.getUsername() != null) {
            config.setUsername(uri.getUsername());
        }
        if (uri.getPassword() != null) {
            config.setPassword(uri.getPassword());
        }
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(COMMAND_TIMEOUT)
                .clientOptions(failFast())
                .build();
        return new LettuceConnectionFactory(config, client);
    }

    @Bean(destroyMethod = "shutdown")
    RedisClient hotlineRedisClient(RedisLocation location) {
        RedisClient client = RedisClient.create(location.uri());
        client.setOptions(failFast());
        client.setDefaultTimeout(QUEUE_COMMAND_TIMEOUT);
        return client;
    }

    /**
     * While Redis is away, commands fail at once instead of piling up: health turns DOWN within seconds,
     * intake still stores messages (the sweeper queues them later), and everything reconnects by itself.
     */
    private static ClientOptions failFast() {
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .build();
    }
}
