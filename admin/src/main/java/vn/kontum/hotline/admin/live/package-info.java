/**
 * The officers' pages kept live: what happens to a case (a new case, a new message, a reply's delivery, an urgent
 * case) is relayed through Redis to every node and pushed to the pages that may show it, over server-sent events.
 */
@NullMarked
package vn.kontum.hotline.admin.live;

import org.jspecify.annotations.NullMarked;
