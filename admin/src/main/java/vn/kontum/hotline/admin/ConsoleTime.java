package vn.kontum.hotline.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.HotlineClock;

/**
 * Times as officers read them: in Kon Tum's time zone (times are stored in UTC), and waiting times in words.
 * Used from the templates as {@code @consoleTime}.
 */
@Component("consoleTime")
public class ConsoleTime {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM HH:mm");

    private final Clock clock;
    private final ZoneId zone;
    private final MessageSource messages;

    ConsoleTime(Clock clock, MessageSource messages, @Value("${hotline.time-zone:Asia/Ho_Chi_Minh}") String zone) {
        this.clock = clock;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    public String format(@Nullable OffsetDateTime time) {
        return time == null ? "" : SHORT.format(time.atZoneSameInstant(zone));
    }

    /** For {@code <time datetime>}: the exact instant. */
    public String iso(@Nullable OffsetDateTime time) {
        return time == null ? "" : time.toInstant().toString();
    }

    /** "5 phút", "3 giờ", "2 ngày": how long since {@code since}. */
    public String since(OffsetDateTime since) {
        Duration d = Duration.between(since, HotlineClock.now(clock));
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        String key;
        long n;
        if (d.toMinutes() < 1) {
            return messages.getMessage("admin.wait.under-minute", null, LocaleContextHolder.getLocale());
        }
        if (d.toMinutes() < 60) {
            key = "admin.wait.minutes";
            n = d.toMinutes();
        } else if (d.toHours() < 48) {
            key = "admin.wait.hours";
            n = d.toHours();
        } else {
            key = "admin.wait.days";
            n = d.toDays();
        }
        return messages.getMessage(key, new Object[] {n}, LocaleContextHolder.getLocale());
    }
}
