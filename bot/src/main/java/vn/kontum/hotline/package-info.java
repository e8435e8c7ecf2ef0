/**
 * The hotline: messages from women and community members come in through a channel, are understood,
 * routed to a trusted address or officer, answered and recorded. Each sub-package is one feature.
 */
@NullMarked
package vn.kontum.hotline;

import org.jspecify.annotations.NullMarked;
