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

    OfflineCaseController(Accounts accounts, CaseFiles files, Cases cases, JdbcClient jdbc, TransactionTemplate tx, ContentCipher content,
                          Clock clock, CaseAudit audit, org.springframework.context.MessageSource messages, SentForms sentForms) {
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

    @GetMapping("/admin/cases/new")
    String form(Authentication auth, Model model) {
        Viewer viewer = accounts.viewer(auth);
        model.addAttribute("viewer", viewer);
        model.addAttribute("servicePoints", files.servicePoints().stream().filter(sp -> viewer.canSee(sp.id())).toList());
        model.addAttribute("villages", jdbc.sql("""
                        select v.id, c.name || ' - ' || v.name from village v join commune c on c.id = v.commune_id order by c.name, v.name""")
                .query((rs, n) -> new Option(rs.getString(1), rs.getString(2))).list());
        model.addAttribute("categories", List.of(Topic.values()).stream().map(Topic::label).toList());
        model.addAttribute("today", LocalDate.now(clock.withZone(VIETNAM)));
        model.addAttribute("formToken", sentForms.issue());
        return "admin/case-new";
    }

    @PostMapping("/admin/cases")
    String record(@RequestParam(defaultValue = "phone") String how, @RequestParam(defaultValue = "") String category,
                  @RequestParam(defaultValue = "NORMAL") String priority, @RequestParam(defaultValue = "") String servicePointId,
                  @RequestParam(required = false) @Nullable String villageId, @RequestParam(required = false) @Nullable LocalDate day,
                  @RequestParam(defaultValue = "") String note, @RequestParam(required = false) @Nullable String once,
                  Authentication auth, RedirectAttributes flash) {
        Viewer viewer = accounts.viewer(auth);
        Optional<ServicePoint> sp = files.servicePoints().stream().filter(p -> p.id().equals(servicePointId)).findFirst();
        if (sp.isEmpty() || !viewer.canSee(servicePointId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Channel channel = "in_person".equals(how) ? Channel.IN_PERSON : Channel.PHONE;
        if (Topic.fromLabel(category).isEmpty() || !(priority.equals("NORMAL") || priority.equals("URGENT")) || note.length() > 4000) {
            flash.addFlashAttribute("problem", "offline.refused");
            return "redirect:/admin/cases/new";
        }
        String village = villageId == null || villageId.isBlank() ? null : villageId;
        String commune = village == null ? null
                : jdbc.sql("select commune_id from village where id = :v").param("v", village).query(String.class).optional().orElse(null);
        if (village != null && commune == null) {
            flash.addFlashAttribute("problem", "offline.refused");
            return "redirect:/admin/cases/new";
        }
        if (!sentForms.take(viewer.accountId(), once)) { // the same form sent again: she is counted once
            flash.addFlashAttribute("problem", "admin.notice.form-again");
            return sentForms.result(viewer.accountId(), once).map(id -> "redirect:/admin/cases/" + id).orElse("redirect:/admin");
        }
        OffsetDateTime now = HotlineClock.now(clock);
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        OffsetDateTime at = day == null || day.isAfter(today) || day.isBefore(today.minusYears(1)) ? now
                : day.equals(today) ? now : day.atTime(12, 0).atZone(VIETNAM).toOffsetDateTime();
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
