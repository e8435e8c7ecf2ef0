package vn.kontum.hotline.channel.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class ChatPushConfig {

    @Bean
    RedisMessageListenerContainer chatPushListener(RedisConnectionFactory redis, ChatPush push) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener(push, new ChannelTopic(ChatPush.CHANNEL));
        return container;
    }
}
