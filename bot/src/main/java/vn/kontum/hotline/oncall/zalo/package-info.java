/**
 * The OA's side of on-call work on Zalo: officers' link messages and their acknowledgements (a short word, since
 * the OA's customer-service messages carry no buttons here), taken before intake so that they never open a case,
 * and alerts sent to officers' Zalo. Zalo lets the OA write to a user only within 7 days of that user's last
 * message to it: officers relying on Zalo must write to the OA at least weekly.
 */
@NullMarked
package vn.kontum.hotline.oncall.zalo;

import org.jspecify.annotations.NullMarked;
