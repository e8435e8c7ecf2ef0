package vn.kontum.hotline.directory;

/** A commune, ward or village, as a woman chooses it. */
public record Place(String id, String name) {
}
