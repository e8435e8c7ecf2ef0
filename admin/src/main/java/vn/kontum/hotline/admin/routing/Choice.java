package vn.kontum.hotline.admin.routing;

/** A choice in one of the rule form's selects: the value sent and the name shown. */
public record Choice(String value, String name) {
}
