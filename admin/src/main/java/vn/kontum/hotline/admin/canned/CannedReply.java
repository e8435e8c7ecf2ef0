package vn.kontum.hotline.admin.canned;

/** A prepared answer that officers can start a reply from; written by coordinators. */
public record CannedReply(long id, String title, String text) {
}
