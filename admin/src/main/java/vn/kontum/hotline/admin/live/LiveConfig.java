package vn.kontum.hotline.admin.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class LiveConfig {

    /** Every node listens, whichever node the news was raised on. */
    @Bean
    RedisMessageListenerContainer caseNewsListener(RedisConnectionFactory redis, ConsoleStreams streams) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener(streams, new ChannelTopic(CaseNewsRelay.CHANNEL));
        return container;
    }
}
