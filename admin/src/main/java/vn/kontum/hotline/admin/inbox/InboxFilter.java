package vn.kontum.hotline.admin.inbox;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.cases.CaseStatus;
import vn.kontum.hotline.nlp.Topic;

/**
 * What the officer asked the inbox to show. Anything that is not a known value is ignored rather than refused,
 * so that an old bookmark still opens the inbox. {@code status} is {@code open} (the default), {@code all} or a
 * {@link CaseStatus}.
 */
record InboxFilter(String status, @Nullable String category, @Nullable String channel, @Nullable String village) {

    static final String OPEN = "open";
    static final String ALL = "all";
    static final List<String> CATEGORIES = Arrays.stream(Topic.values()).map(Topic::label).toList();
    static final List<String> CHANNELS = Arrays.stream(Channel.values()).map(Channel::id).toList();
    static final List<String> STATUSES = Arrays.stream(CaseStatus.values()).map(Enum::name).toList();

    /** {@code village}: an id of the directory's shape only (checked against the directory by the query itself). */
    static InboxFilter of(@Nullable String status, @Nullable String category, @Nullable String channel, @Nullable String village) {
        String s = status != null && (STATUSES.contains(status) || ALL.equals(status)) ? status : OPEN;
        return new InboxFilter(s, CATEGORIES.contains(category) ? category : null, CHANNELS.contains(channel) ? channel : null,
                village != null && village.matches("[a-z0-9-]{1,40}") ? village : null);
    }

    List<String> statuses() {
        return switch (status) {
            case OPEN -> Arrays.stream(CaseStatus.values()).filter(CaseStatus::open).map(Enum::name).toList();
            case ALL -> STATUSES;
            default -> List.of(status);
        };
    }

    /** The inbox's own address with these filters, for the live refresh. */
    String path(String base) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(base).queryParam("status", status);
        if (category != null) {
            b.queryParam("category", category);
        }
        if (channel != null) {
            b.queryParam("channel", channel);
        }
        if (village != null) {
            b.queryParam("village", village);
        }
        return b.encode().build().toUriString();
    }
}
