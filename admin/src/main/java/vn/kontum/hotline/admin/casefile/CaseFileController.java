package vn.kontum.hotline.admin.casefile;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.admin.canned.CannedReplies;
import vn.kontum.hotline.cases.Priority;
import vn.kontum.hotline.nlp.Topic;
import vn.kontum.hotline.oncall.alert.UrgentAlerts;

/**
 * The page of one case and the officer's actions on it. Every request, read or write, goes through
 * {@link CaseFiles#require}: another service point's case is 404 whatever the method. Actions are plain forms
 * (POST, CSRF token, then a redirect back), so they work on any phone with or without JavaScript.
 */
@Controller
@RequestMapping("/admin/cases/{id}")
class CaseFileController {

    static final int MAX_TEXT = 4000;
    static final int MAX_REASON = 400;

    private final CaseFiles files;
    private final CaseWork work;
    private final CaseAudit audit;
    private final Accounts accounts;
    private final CannedReplies cannedReplies;
    private final UrgentAlerts alerts;
    private final SentForms sentForms;

    CaseFileController(CaseFiles files, CaseWork work, CaseAudit audit, Accounts accounts, CannedReplies cannedReplies,
                       UrgentAlerts alerts, SentForms sentForms) {
        this.sentForms = sentForms;
        this.files = files;
        this.work = work;
        this.audit = audit;
        this.accounts = accounts;
        this.cannedReplies = cannedReplies;
        this.alerts = alerts;
    }

    /** {@code canned}: the prepared answer to start the reply from (a GET form, so it works without JavaScript). */
    @GetMapping
    String page(@PathVariable long id, @RequestParam(required = false) @Nullable Long canned, Authentication auth, Model model) {
        Viewer viewer = accounts.viewer(auth);
        CaseFile file = files.require(viewer, id);
        work.viewed(viewer, file);
        files.markRead(viewer, file);
        model.addAttribute("viewer", viewer);
        model.addAttribute("file", file);
        model.addAttribute("thread", files.thread(file));
        model.addAttribute("notes", files.notes(file));
        model.addAttribute("history", audit.history(file.id(), 20));
        model.addAttribute("routing", files.routing(file));
        model.addAttribute("erasedByHer", files.erasedByHer(file));
        model.addAttribute("silenceAsked", files.silenceAskedByHer(file));
        model.addAttribute("safeHours", files.safeHours(file));
        model.addAttribute("alerts", alerts.timeline(file.id()));
        java.time.OffsetDateTime zaloWindow = files.zaloWindow(file);
        model.addAttribute("zaloWindow", zaloWindow);
        model.addAttribute("zaloWindowOpen", zaloWindow != null && zaloWindow.isAfter(java.time.OffsetDateTime.now()));
        model.addAttribute("servicePoints", files.servicePoints());
        model.addAttribute("categories", Arrays.stream(Topic.values()).map(Topic::label).toList());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("maxText", MAX_TEXT);
        model.addAttribute("maxReason", MAX_REASON);
        model.addAttribute("cannedReplies", cannedReplies.all());
        model.addAttribute("replyToken", sentForms.issue());
        if (canned != null) {
            cannedReplies.find(canned).ifPresent(r -> model.addAttribute("draft", r.text()));
        }
        return "admin/case";
    }

    /** The conversation alone, for htmx's refresh: new messages and delivery states without reloading the page. */
    @GetMapping("/thread")
    String thread(@PathVariable long id, Authentication auth, Model model) {
        Viewer viewer = accounts.viewer(auth);
        CaseFile file = files.require(viewer, id);
        files.markRead(viewer, file);
        model.addAttribute("file", file);
        model.addAttribute("thread", files.thread(file));
        return "admin/case :: thread";
    }

    /** {@code once}: the page's token for this form; the same form sent again sends nothing more. */
    @PostMapping("/reply")
    String reply(@PathVariable long id, @RequestParam(defaultValue = "") String text, @RequestParam(required = false) @Nullable String once,
                 Authentication auth, RedirectAttributes flash) {
        return act(id, auth, flash, "admin.notice.replied", viewer -> {
            String checked = checkedText(text, flash, "draft");
            if (!sentForms.take(viewer.accountId(), once)) {
                // Sent already, and perhaps still at work or refused: not sent twice, and not claimed as sent either.
                throw new CaseWork.Refused("admin.notice.form-again");
            }
            try {
                work.reply(viewer, id, checked);
            } catch (RuntimeException refused) {
                sentForms.release(viewer.accountId(), once);
                throw refused;
            }
            return true;
        });
    }

    @PostMapping("/notes")
    String note(@PathVariable long id, @RequestParam(defaultValue = "") String text, Authentication auth, RedirectAttributes flash) {
        return act(id, auth, flash, "admin.notice.noted", viewer -> {
            work.note(viewer, id, checkedText(text, flash, "noteDraft"));
            return true;
        });
    }

    /** {@code takeOver}: the officer the page showed holding the case, whom the viewer confirmed taking it from. */
    @PostMapping("/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) @Nullable Long takeOver, Authentication auth,
                  RedirectAttributes flash) {
        return act(id, auth, flash, takeOver == null ? "admin.notice.assigned" : "admin.notice.taken-over", viewer -> {
            work.assignToMe(viewer, id, takeOver);
            return true;
        });
    }

    @PostMapping("/acknowledge")
    String acknowledge(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
        return act(id, auth, flash, "oncall.notice.acknowledged", viewer -> {
            work.acknowledge(viewer, id);
            return true;
        });
    }

    @PostMapping("/resolve")
    String resolve(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
        return act(id, auth, flash, "admin.notice.resolved", viewer -> {
            work.resolve(viewer, id);
            return true;
        });
    }

    @PostMapping("/close")
    String close(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
        return act(id, auth, flash, "admin.notice.closed", viewer -> {
            work.close(viewer, id);
            return true;
        });
    }

    @PostMapping("/reopen")
    String reopen(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
        return act(id, auth, flash, "admin.notice.reopened", viewer -> {
            work.reopen(viewer, id);
            return true;
        });
    }

    @PostMapping("/priority")
    String priority(@PathVariable long id, @RequestParam(defaultValue = "") String priority, Authentication auth,
                    RedirectAttributes flash) {
        return act(id, auth, flash, "admin.notice.changed", viewer -> {
            Priority p = Arrays.stream(Priority.values()).filter(v -> v.name().equals(priority)).findFirst()
                    .orElseThrow(() -> new CaseWork.Refused("admin.refused.invalid"));
            work.priority(viewer, id, p);
            return true;
        });
    }

    @PostMapping("/category")
    String category(@PathVariable long id, @RequestParam(defaultValue = "") String category, Authentication auth,
                    RedirectAttributes flash) {
        return act(id, auth, flash, "admin.notice.changed", viewer -> {
            if (Arrays.stream(Topic.values()).noneMatch(t -> t.label().equals(category))) {
                throw new CaseWork.Refused("admin.refused.invalid");
            }
            work.category(viewer, id, category);
            return true;
        });
    }

    /** After a transfer the officer may no longer see the case: back to the inbox, unless they still can. */
    @PostMapping("/transfer")
    String transfer(@PathVariable long id, @RequestParam(defaultValue = "") String servicePointId,
                    @RequestParam(defaultValue = "") String reason, Authentication auth, RedirectAttributes flash) {
        return act(id, auth, flash, "admin.notice.transferred", viewer -> {
            String r = reason.strip();
            if (r.isEmpty()) {
                throw new CaseWork.Refused("admin.refused.reason-required");
            }
            if (r.length() > MAX_REASON) {
                throw new CaseWork.Refused("admin.refused.too-long");
            }
            work.transfer(viewer, id, servicePointId, r);
            return viewer.canSee(servicePointId);
        });
    }

    private interface Action {
        /** Does the action; true when the officer may still see the case afterwards. */
        boolean run(Viewer viewer);
    }

    private String act(long id, Authentication auth, RedirectAttributes flash, String notice, Action action) {
        Viewer viewer = accounts.viewer(auth);
        files.require(viewer, id); // 404 before anything else, even before checking what was sent
        try {
            boolean stillVisible = action.run(viewer);
            flash.addFlashAttribute("notice", notice);
            return stillVisible ? "redirect:/admin/cases/" + id : "redirect:/admin";
        } catch (CaseWork.HeldBy held) {
            // Not a plain refusal: the page says who holds the case and offers to take it over from her.
            flash.addFlashAttribute("heldById", held.holderId);
            flash.addFlashAttribute("heldByName", held.holderName);
            return "redirect:/admin/cases/" + id;
        } catch (CaseWork.Refused e) {
            flash.addFlashAttribute("problem", e.key);
            return "redirect:/admin/cases/" + id;
        }
    }

    /**
     * Blank or too long is refused; a too-long draft is handed back, into the box it came from ({@code draftOf}: a
     * private note must never come back in the reply box, one click from the woman), so that nothing typed is lost.
     * Line breaks count as one character, as the browser's maxlength counts them, though forms send two.
     */
    private static String checkedText(@Nullable String text, RedirectAttributes flash, String draftOf) {
        String t = text == null ? "" : text.replace("\r\n", "\n").strip();
        if (t.isEmpty()) {
            throw new CaseWork.Refused("admin.refused.empty");
        }
        if (t.length() > MAX_TEXT) {
            flash.addFlashAttribute(draftOf, t);
            throw new CaseWork.Refused("admin.refused.too-long");
        }
        return t;
    }
}
