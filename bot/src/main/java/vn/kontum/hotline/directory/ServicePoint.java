package vn.kontum.hotline.directory;

import org.jspecify.annotations.Nullable;

/** A place that helps: a trusted address, the Women's Union, a health station, a savings group, a bank desk, the police. */
public record ServicePoint(String id, ServicePointKind kind, String name, @Nullable String communeId, @Nullable String phone) {
}
