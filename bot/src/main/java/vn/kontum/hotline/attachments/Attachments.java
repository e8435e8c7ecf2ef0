package vn.kontum.hotline.attachments;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.kontum.hotline.Channel;

/** Opens an attachment through its channel; the caller has already checked the officer may see the case. */
@Component
public class Attachments {

    private final Map<Channel, AttachmentSource> sources = new EnumMap<>(Channel.class);

    Attachments(List<AttachmentSource> sources) {
        sources.forEach(s -> this.sources.put(s.channel(), s));
    }

    public boolean canOpen(Channel channel) {
        return sources.containsKey(channel);
    }

    public Optional<AttachmentContent> open(Channel channel, String reference) throws IOException {
        AttachmentSource source = sources.get(channel);
        return source == null ? Optional.empty() : source.fetch(reference);
    }
}
