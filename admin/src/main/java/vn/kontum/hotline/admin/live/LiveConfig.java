package vn.kontum.hotline.admin.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class LiveConfig {

    /**
     * Every node listens, whichever node the news was raised on. Each news is written to the pages on a virtual
     * thread: the container's default starts a platform thread for every message heard (two or three per message
     * the hotline processes), and one thread for all would leave every page waiting behind one whose connection
     * has stalled. The pages do not need the news in order: any news makes a page read the case again.
     */
    @Bean
    RedisMessageListenerContainer caseNewsListener(RedisConnectionFactory redis, ConsoleStreams streams) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.setTaskExecutor(new VirtualThreadTaskExecutor("case-news-to-pages-"));
        container.addMessageListener(streams, new ChannelTopic(CaseNewsRelay.CHANNEL));
        return container;
    }
}
