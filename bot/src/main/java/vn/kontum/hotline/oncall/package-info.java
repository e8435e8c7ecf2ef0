/**
 * Who answers when: opening hours and the on-call rota of each service point, and the first-response targets
 * that follow from them. Alerts and escalation of urgent cases are in {@code alert}; officers linking their
 * own Telegram chat or Zalo in {@code link}; the bot's side of both in {@code telegram}, the OA's in {@code zalo}.
 */
@NullMarked
package vn.kontum.hotline.oncall;

import org.jspecify.annotations.NullMarked;
