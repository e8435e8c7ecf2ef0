package vn.kontum.hotline.redis;

import java.nio.file.Path;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Redis for the hotline: the server at {@code REDIS_URL} when set, else an embedded redis-server under the
 * data folder. Spring Data Redis (templates, health) and the work queue's own Lettuce client use the same server.
 */
@Configuration(proxyBeanMethods = false)
class RedisSetup {

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
        return new LettuceConnectionFactory(config);
    }

    @Bean(destroyMethod = "shutdown")
    RedisClient hotlineRedisClient(RedisLocation location) {
        return RedisClient.create(location.uri());
    }
}
