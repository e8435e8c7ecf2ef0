package vn.kontum.hotline.conversation;

import org.jspecify.annotations.Nullable;

import vn.kontum.hotline.cases.CaseRef;

/**
 * One exchange: what is recorded on the woman's message (its case and category) and the bot's reply.
 *
 * @param step what the bot did, for the logs (never the text)
 */
record Turn(@Nullable Long caseId, boolean opened, @Nullable String servicePointId, String category, @Nullable Double confidence,
            boolean urgent, @Nullable String modelVersion, String step, Reply reply) {

    /** A message that answered the bot (a button, a command): it belongs to her case but says nothing new about it. */
    static Turn answer(@Nullable CaseRef caseRef, String step, Reply reply) {
        return new Turn(caseRef == null ? null : caseRef.id(), false, caseRef == null ? null : caseRef.servicePoint().id(),
                caseRef == null ? "other" : caseRef.category(), null, false, null, step, reply);
    }
}
