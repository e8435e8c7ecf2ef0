/** What the hotline counts and times for its operators (Prometheus at /actuator/prometheus): ids and labels only. */
@NullMarked
package vn.kontum.hotline.metrics;

import org.jspecify.annotations.NullMarked;
