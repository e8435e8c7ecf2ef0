/**
 * Zalo Official Account: the webhook (signed events in), the OA API (customer-service messages out) and the
 * OA's tokens (refreshed ahead of expiry, one node at a time, stored encrypted). Plain REST over OkHttp.
 * {@link vn.kontum.hotline.channel.zalo.ZaloMessages} is the one send path, for women's replies and officers'
 * alerts alike; {@link vn.kontum.hotline.channel.zalo.ZaloOfficerEvents} takes officers' own messages before intake.
 */
@NullMarked
package vn.kontum.hotline.channel.zalo;

import org.jspecify.annotations.NullMarked;
