package vn.kontum.hotline;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The time, from one clock that tests can replace. Stored in UTC. */
public final class HotlineClock {

    private HotlineClock() {
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
