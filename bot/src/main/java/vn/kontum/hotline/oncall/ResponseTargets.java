package vn.kontum.hotline.oncall;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.kontum.hotline.cases.Priority;

/**
 * How soon an officer must first answer a case: urgent within {@code hotline.response-target.urgent} of wall
 * clock time (default 5 minutes, day and night) of becoming urgent, normal within {@code hotline.response-target.normal} of the
 * service point's opening hours (default 4 working hours). A case breaches its target when it has no first
 * reply once the target has passed, or when its first reply came after it.
 */
@Component
public class ResponseTargets {

    private final OpeningHours hours;
    private final Duration urgent;
    private final Duration normal;

    ResponseTargets(OpeningHours hours, @Value("${hotline.response-target.urgent:PT5M}") Duration urgent,
                    @Value("${hotline.response-target.normal:PT4H}") Duration normal) {
        this.hours = hours;
        this.urgent = urgent;
        this.normal = normal;
    }

    /**
     * When the first reply is due. An urgent case's target runs from when it became urgent ({@code urgentSince}; null
     * or earlier: from its opening), and, raised while it waited, no later than the normal target it was under.
     */
    public OffsetDateTime dueBy(Priority priority, String servicePointId, OffsetDateTime openedAt, @Nullable OffsetDateTime urgentSince) {
        if (priority != Priority.URGENT) {
            return hours.plusWorkingTime(servicePointId, openedAt, normal);
        }
        if (urgentSince == null || !urgentSince.isAfter(openedAt)) {
            return openedAt.plus(urgent);
        }
        OffsetDateTime urgentDue = urgentSince.plus(urgent);
        OffsetDateTime normalDue = hours.plusWorkingTime(servicePointId, openedAt, normal);
        return normalDue.isBefore(urgentDue) ? normalDue : urgentDue;
    }

    public boolean breached(Priority priority, String servicePointId, OffsetDateTime openedAt, @Nullable OffsetDateTime urgentSince,
                            @Nullable OffsetDateTime firstReplyAt, OffsetDateTime now) {
        OffsetDateTime due = dueBy(priority, servicePointId, openedAt, urgentSince);
        OffsetDateTime answered = firstReplyAt != null ? firstReplyAt : now;
        return answered.isAfter(due);
    }

    /** The same for a priority as stored ({@code URGENT}, {@code NORMAL}). */
    public boolean breached(String priority, String servicePointId, OffsetDateTime openedAt, @Nullable OffsetDateTime urgentSince,
                            @Nullable OffsetDateTime firstReplyAt, OffsetDateTime now) {
        return breached(Priority.valueOf(priority), servicePointId, openedAt, urgentSince, firstReplyAt, now);
    }

    public Duration urgentTarget() {
        return urgent;
    }

    public Duration normalTarget() {
        return normal;
    }
}
