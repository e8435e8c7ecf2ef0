package vn.kontum.hotline.channel.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class ChatPushConfig {

    /**
     * Each announcement is written to its pages on a virtual thread: the container's default starts a platform thread
     * for every message heard, one per web chat answer.
     */
    @Bean
    RedisMessageListenerContainer chatPushListener(RedisConnectionFactory redis, ChatPush push) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.setTaskExecutor(new VirtualThreadTaskExecutor("chat-push-"));
        container.addMessageListener(push, new ChannelTopic(ChatPush.CHANNEL));
        return container;
    }
}
