/**
 * Urgent cases told at once to the officers on call, on their own linked chat, and escalated to coordinators
 * until someone acknowledges. Every alert is written in the transaction that made the case urgent, and sent
 * after the commit; a sweeper sends what is due and escalates. Alerts never carry the woman's words or name.
 */
@NullMarked
package vn.kontum.hotline.oncall.alert;

import org.jspecify.annotations.NullMarked;
