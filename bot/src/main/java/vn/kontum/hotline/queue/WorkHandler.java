package vn.kontum.hotline.queue;

/** Does the work for one database id taken from a stream. Must be safe to call twice for the same id. */
@FunctionalInterface
public interface WorkHandler {

    void handle(long id);

    /** Several ids taken together; a handler may do them in one transaction. */
    default void handleAll(java.util.List<Long> ids) {
        ids.forEach(this::handle);
    }
}
