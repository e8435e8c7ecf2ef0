package vn.kontum.hotline.admin.casefile;

import java.util.List;

/** Why a case is where it is, and the service points told about it without taking it (the police for trafficking). */
public record CaseRouting(String reason, List<String> alsoNotified) {
}
