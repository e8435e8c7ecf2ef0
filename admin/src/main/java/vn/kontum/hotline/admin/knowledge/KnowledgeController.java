package vn.kontum.hotline.admin.knowledge;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Role;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.knowledge.EntryChange;
import vn.kontum.hotline.knowledge.KnowledgeEntries;
import vn.kontum.hotline.nlp.Topic;

/**
 * Coordinators (and administrators) keep the answers to common questions here; officers get 403, as for the
 * prepared answers. Removing an entry only stops its use; it can be used again. Plain forms with CSRF tokens.
 */
@Controller
@RequestMapping("/admin/knowledge")
class KnowledgeController {

    private final KnowledgeEntries entries;
    private final Accounts accounts;

    KnowledgeController(KnowledgeEntries entries, Accounts accounts) {
        this.entries = entries;
        this.accounts = accounts;
    }

    @GetMapping
    String list(Authentication auth, Model model) {
        model.addAttribute("viewer", accounts.require(auth, Role.COORDINATOR, Role.ADMIN));
        model.addAttribute("entries", entries.all());
        limits(model);
        return "admin/knowledge";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Authentication auth, Model model) {
        model.addAttribute("viewer", accounts.require(auth, Role.COORDINATOR, Role.ADMIN));
        model.addAttribute("entry", entries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        limits(model);
        return "admin/knowledge-edit";
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String topic, @RequestParam(defaultValue = "") String question,
               @RequestParam(defaultValue = "") String answer, @RequestParam(defaultValue = "") String keywords, Authentication auth,
               RedirectAttributes flash) {
        Viewer viewer = accounts.require(auth, Role.COORDINATOR, Role.ADMIN);
        try {
            entries.add(new EntryChange(topic, question, answer, keywords), viewer.accountId());
            flash.addFlashAttribute("notice", "admin.notice.changed");
        } catch (KnowledgeEntries.Refused e) {
            flash.addFlashAttribute("problem", e.key);
        }
        return "redirect:/admin/knowledge";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String topic, @RequestParam(defaultValue = "") String question,
                  @RequestParam(defaultValue = "") String answer, @RequestParam(defaultValue = "") String keywords,
                  Authentication auth, RedirectAttributes flash) {
        Viewer viewer = accounts.require(auth, Role.COORDINATOR, Role.ADMIN);
        try {
            entries.update(id, new EntryChange(topic, question, answer, keywords), viewer.accountId());
            flash.addFlashAttribute("notice", "admin.notice.changed");
            return "redirect:/admin/knowledge";
        } catch (KnowledgeEntries.Refused e) {
            flash.addFlashAttribute("problem", e.key);
            return "redirect:/admin/knowledge/" + id;
        }
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
        return setActive(id, false, auth, flash);
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
        return setActive(id, true, auth, flash);
    }

    private String setActive(long id, boolean active, Authentication auth, RedirectAttributes flash) {
        Viewer viewer = accounts.require(auth, Role.COORDINATOR, Role.ADMIN);
        try {
            entries.setActive(id, active, viewer.accountId());
            flash.addFlashAttribute("notice", "admin.notice.changed");
        } catch (KnowledgeEntries.Refused e) {
            flash.addFlashAttribute("problem", e.key);
        }
        return "redirect:/admin/knowledge";
    }

    private static void limits(Model model) {
        // The classifier's topics are offered; any other label may be typed (for answers a later topic will use).
        model.addAttribute("topics", List.of(Topic.SAFE_DELIVERY.label(), Topic.SAVINGS_LOANS.label(), Topic.VIOLENCE.label(),
                Topic.TRAFFICKING.label(), Topic.OTHER.label()));
        model.addAttribute("maxQuestion", KnowledgeEntries.MAX_QUESTION);
        model.addAttribute("maxAnswer", KnowledgeEntries.MAX_ANSWER);
        model.addAttribute("maxKeywords", KnowledgeEntries.MAX_KEYWORDS);
    }
}
