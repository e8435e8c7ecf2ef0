/**
 * What women send besides text (photos, voice, files), opened by officers through the hotline: fetched
 * server-side from the platform, so that no URL carrying a bot token ever reaches a browser.
 */
@NullMarked
package vn.kontum.hotline.attachments;

import org.jspecify.annotations.NullMarked;
