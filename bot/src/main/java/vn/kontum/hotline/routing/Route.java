package vn.kontum.hotline.routing;

import org.jspecify.annotations.Nullable;

import vn.kontum.hotline.directory.ServicePoint;

/**
 * Where a case goes, and why (shown to officers, e.g. "violence, Làng mẫu 1 (Hòa Bình), Xã Hòa Bình -> Địa chỉ tin
 * cậy Hòa Bình"). {@code alsoNotify}: a service point told about the case without taking it, such as the police focal
 * point for trafficking: the woman's first contact stays with the service point the case goes to.
 */
public record Route(ServicePoint servicePoint, String reason, @Nullable ServicePoint alsoNotify) {

    /** The longest reason the case table keeps. */
    public static final int MAX_REASON = 400;

    public Route {
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON - 1) + "…";
        }
    }

    public Route(ServicePoint servicePoint, String reason) {
        this(servicePoint, reason, null);
    }
}
