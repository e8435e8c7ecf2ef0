package vn.kontum.hotline.admin.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kontum.hotline.Channel;
import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.cases.Cases;
import vn.kontum.hotline.cases.Priority;
import vn.kontum.hotline.directory.Directory;
import vn.kontum.hotline.directory.ServicePoint;
import vn.kontum.hotline.nlp.Topic;
import vn.kontum.hotline.secrets.ContentCipher;

/**
 * Records a woman who came by phone or in person (an offline case), so that the statistics count her too. An
 * officer records for their own service points only; a coordinator for any. Nothing is ever sent to her.
 */
@Controller
class OfflineCaseController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Accounts accounts;
    private final CaseFiles files;
    private final Cases cases;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ContentCipher content;
    private final Clock clock;
    private final SentForms sentForms;
    private final CaseAudit audit;
    private final org.springframework.context.MessageSource messages;
    private final Directory directory;

    OfflineCaseController(Accounts accounts, CaseFiles files, Cases cases, JdbcClient jdbc, TransactionTemplate tx, ContentCipher content,
                          Clock clock, CaseAudit audit, org.springframework.context.MessageSource messages, SentForms sentForms,
                          Directory directory) {
        this.directory = directory;
        this.sentForms = sentForms;
        this.audit = audit;
        this.messages = messages;
        this.accounts = accounts;
        this.files = files;
        this.cases = cases;
        this.jdbc = jdbc;
        this.tx = tx;
        this.content = content;
        this.clock = clock;
    }

    record Option(String id, String name) {
    }

    /** What the officer typed, shown again in the form when it is refused, so that nothing has to be typed twice. */
    record Typed(String how, String category, String priority, String servicePointId, String communeId, String villageId, String day,
                 String note) {
    }

    @GetMapping("/admin/cases/new")
    String form(Authentication auth, Model model) {
        Viewer viewer = accounts.viewer(auth);
        String today = LocalDate.now(clock.withZone(VIETNAM)).toString();
        return form(viewer, model, new Typed("phone", "", "NORMAL", "", "", "", today, ""), sentForms.issue(), null);
    }

    private String form(Viewer viewer, Model model, Typed typed, String formToken, @Nullable String problem) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        model.addAttribute("viewer", viewer);
        model.addAttribute("servicePoints", files.servicePoints().stream().filter(sp -> viewer.canSee(sp.id())).toList());
        model.addAttribute("communes", directory.communes());
        model.addAttribute("villages", jdbc.sql("""
                        select v.id, c.name || ' - ' || v.name from village v join commune c on c.id = v.commune_id order by c.name, v.name""")
                .query((rs, n) -> new Option(rs.getString(1), rs.getString(2))).list());
        model.addAttribute("categories", List.of(Topic.values()).stream().map(Topic::label).toList());
        model.addAttribute("today", today);
        model.addAttribute("earliest", earliest(today));
        model.addAttribute("typed", typed);
        model.addAttribute("formToken", formToken);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return "admin/case-new";
    }

    /** The oldest day a case may be recorded for: a year back, as far as anyone recalls a visit or a call. */
    private static LocalDate earliest(LocalDate today) {
        return today.minusYears(1);
    }

    /**
     * A refusal shows the form again with what was typed (not a redirect, which would lose it), under the same
     * token: nothing was recorded, so the corrected form still counts her once.
     */
    @PostMapping("/admin/cases")
    String record(@RequestParam(defaultValue = "phone") String how, @RequestParam(defaultValue = "") String category,
                  @RequestParam(defaultValue = "NORMAL") String priority, @RequestParam(defaultValue = "") String servicePointId,
                  @RequestParam(defaultValue = "") String communeId, @RequestParam(defaultValue = "") String villageId,
                  @RequestParam(defaultValue = "") String day,
                  @RequestParam(defaultValue = "") String note, @RequestParam(required = false) @Nullable String once,
                  Authentication auth, Model model, RedirectAttributes flash) {
        Viewer viewer = accounts.viewer(auth);
        Optional<ServicePoint> sp = files.servicePoints().stream().filter(p -> p.id().equals(servicePointId)).findFirst();
        if (sp.isEmpty() || !viewer.canSee(servicePointId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Typed typed = new Typed(how, category, priority, servicePointId, communeId, villageId, day, note);
        String token = once != null && !once.isBlank() ? once : sentForms.issue();
        Channel channel = "in_person".equals(how) ? Channel.IN_PERSON : Channel.PHONE;
        if (Topic.fromLabel(category).isEmpty() || !(priority.equals("NORMAL") || priority.equals("URGENT")) || note.length() > 4000) {
            return form(viewer, model, typed, token, "offline.refused");
        }
        OffsetDateTime now = HotlineClock.now(clock);
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        LocalDate when = parse(day, today);
        // Counted on the day she came: a day the form cannot mean is refused, never quietly counted today.
        if (when == null || when.isAfter(today) || when.isBefore(earliest(today))) {
            return form(viewer, model, typed, token, "offline.day-out-of-range");
        }
        // Where she lives, as far as she said: a commune alone (some wards have no villages in the directory), a
        // village with its commune, or nothing; whatever is given must be in the directory and agree.
        String village = villageId.isBlank() ? null : villageId;
        String commune = communeId.isBlank() ? null : communeId;
        Optional<String> communeOfVillage = village == null ? Optional.empty() : directory.communeOfVillage(village);
        if (commune != null && directory.communeName(commune).isEmpty() || village != null && communeOfVillage.isEmpty()) {
            return form(viewer, model, typed, token, "offline.place-unknown");
        }
        if (commune != null && village != null && !communeOfVillage.get().equals(commune)) {
            return form(viewer, model, typed, token, "offline.village-not-in-commune");
        }
        if (village != null) {
            commune = communeOfVillage.get();
        }
        if (!sentForms.take(viewer.accountId(), once)) { // the same form sent again: she is counted once
            flash.addFlashAttribute("problem", "admin.notice.form-again");
            return sentForms.result(viewer.accountId(), once).map(id -> "redirect:/admin/cases/" + id).orElse("redirect:/admin");
        }
        OffsetDateTime at = when.equals(today) ? now : when.atTime(12, 0).atZone(VIETNAM).toOffsetDateTime();
        long caseId;
        try {
            caseId = record(viewer, channel, category, priority, servicePointId, commune, village, note, at, now);
        } catch (RuntimeException failed) {
            sentForms.release(viewer.accountId(), once); // nothing recorded: the same form may be sent again
            throw failed;
        }
        sentForms.remember(viewer.accountId(), once, Long.toString(caseId));
        flash.addFlashAttribute("notice", "offline.recorded");
        return "redirect:/admin/cases/" + caseId;
    }

    /** The day of the form; today when left empty, null when it is not a day. */
    private static @Nullable LocalDate parse(String day, LocalDate today) {
        if (day.isBlank()) {
            return today;
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (java.time.format.DateTimeParseException notADay) {
            return null;
        }
    }

    private long record(Viewer viewer, Channel channel, String category, String priority, String servicePointId, @Nullable String commune,
                        @Nullable String village, String note, OffsetDateTime at, OffsetDateTime now) {
        return tx.execute(status -> {
            String reason = messages.getMessage("route.reason.offline", new Object[] {category, channel.id(), Long.toString(viewer.accountId())},
                    java.util.Locale.forLanguageTag("vi"));
            long id = cases.recordOffline(channel, category, Priority.valueOf(priority), servicePointId, commune, village, viewer.accountId(),
                    reason, at, now);
            audit.record(id, viewer.accountId(), CaseAudit.Action.RECORD_OFFLINE, channel.id(), now);
            if (!note.isBlank()) {
                jdbc.sql("insert into case_note (case_id, author_account_id, body, created_at) values (:c, :a, :b, :now)")
                        .param("c", id).param("a", viewer.accountId()).param("b", content.seal(note.strip())).param("now", now).update();
            }
            return id;
        });
    }
}
