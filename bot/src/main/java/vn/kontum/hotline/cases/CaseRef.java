package vn.kontum.hotline.cases;

import vn.kontum.hotline.directory.ServicePoint;

/** The case a message belongs to, as the conversation needs it. */
public record CaseRef(long id, boolean opened, String category, Priority priority, ServicePoint servicePoint) {
}
