/** The on-call pages: opening hours and rota of each service point, and an officer's own Telegram link. */
@NullMarked
package vn.kontum.hotline.admin.oncall;

import org.jspecify.annotations.NullMarked;
