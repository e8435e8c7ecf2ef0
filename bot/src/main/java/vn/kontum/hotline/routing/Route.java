package vn.kontum.hotline.routing;

import vn.kontum.hotline.directory.ServicePoint;

/** Where a case goes, and why (shown to officers, e.g. "violence, village Kon Klor -> trusted address Hòa Bình"). */
public record Route(ServicePoint servicePoint, String reason) {
}
