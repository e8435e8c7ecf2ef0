package vn.kontum.hotline.admin.accounts;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
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
import vn.kontum.hotline.oncall.link.OfficerChats;

/**
 * Administrators add officers, coordinators and administrators, give them their service points, change their
 * roles, disable them and set a new password. Nobody else may read the page. The last enabled administrator
 * cannot be disabled or lose the role, so that the hotline never locks itself out.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountsController {

    private static final Logger log = LoggerFactory.getLogger(AccountsController.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,60}");
    static final int MIN_PASSWORD = 10;

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;

    private final OfficerChats chats;

    AccountsController(Accounts accounts, PasswordEncoder encoder, JdbcClient jdbc, OfficerChats chats) {
        this.chats = chats;
        this.accounts = accounts;
        this.encoder = encoder;
        this.jdbc = jdbc;
    }

    record Option(String id, String name) {
    }

    @GetMapping
    String list(Authentication auth, Model model) {
        model.addAttribute("viewer", accounts.require(auth, Role.ADMIN));
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("servicePoints", servicePoints());
        model.addAttribute("roles", Role.values());
        model.addAttribute("minPassword", MIN_PASSWORD);
        return "admin/accounts";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Authentication auth, Model model) {
        model.addAttribute("viewer", accounts.require(auth, Role.ADMIN));
        model.addAttribute("account", accounts.summary(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("servicePoints", servicePoints());
        model.addAttribute("roles", Role.values());
        model.addAttribute("minPassword", MIN_PASSWORD);
        return "admin/account-edit";
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
               @RequestParam(required = false) List<String> roles, @RequestParam(required = false) List<String> servicePoints,
               @RequestParam(defaultValue = "") String password, Authentication auth, RedirectAttributes flash) {
        Viewer admin = accounts.require(auth, Role.ADMIN);
        String user = username.strip().toLowerCase(java.util.Locale.ROOT);
        String problem = !USERNAME.matcher(user).matches() ? "accounts.refused.username"
                : accounts.all().stream().anyMatch(a -> a.username().equals(user)) ? "accounts.refused.taken"
                : displayName.isBlank() || displayName.length() > 200 ? "accounts.refused.name"
                : password.length() < MIN_PASSWORD ? "accounts.refused.password" : null;
        Set<Role> roleSet = roles(roles);
        Set<String> points = points(servicePoints);
        if (problem == null && roleSet.isEmpty()) {
            problem = "accounts.refused.roles";
        }
        if (problem != null) {
            flash.addFlashAttribute("problem", problem);
            return "redirect:/admin/accounts";
        }
        long id = accounts.create(user, encoder.encode(password), displayName.strip(), roleSet, points);
        log.info("account {} created by account {} roles={} servicePoints={}", id, admin.accountId(), roleSet, points.size());
        flash.addFlashAttribute("notice", "admin.notice.changed");
        return "redirect:/admin/accounts";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(required = false) List<String> roles, @RequestParam(required = false) List<String> servicePoints,
                  @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String password,
                  Authentication auth, RedirectAttributes flash) {
        Viewer admin = accounts.require(auth, Role.ADMIN);
        accounts.summary(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Set<Role> roleSet = roles(roles);
        String problem = displayName.isBlank() || displayName.length() > 200 ? "accounts.refused.name"
                : roleSet.isEmpty() ? "accounts.refused.roles"
                : !password.isEmpty() && password.length() < MIN_PASSWORD ? "accounts.refused.password"
                : (!enabled || !roleSet.contains(Role.ADMIN)) && accounts.summary(id).orElseThrow().roles().contains(Role.ADMIN)
                        && accounts.otherEnabledAdministrators(id) == 0 ? "accounts.refused.last-admin" : null;
        if (problem != null) {
            flash.addFlashAttribute("problem", problem);
            return "redirect:/admin/accounts/" + id;
        }
        accounts.update(id, displayName.strip(), roleSet, points(servicePoints), enabled);
        if (!password.isEmpty()) {
            accounts.setPasswordHash(id, encoder.encode(password));
        }
        if (!password.isEmpty() || !enabled) {
            chats.unlinkAll(id); // a lost phone stops getting alerts along with her sessions
        }
        log.info("account {} changed by account {} roles={} enabled={} passwordChanged={}", id, admin.accountId(), roleSet, enabled,
                !password.isEmpty());
        flash.addFlashAttribute("notice", "admin.notice.changed");
        return "redirect:/admin/accounts";
    }

    private List<Option> servicePoints() {
        return jdbc.sql("select id, name from service_point order by name, id").query((rs, n) -> new Option(rs.getString(1), rs.getString(2))).list();
    }

    /** Only service points that exist: a forged id is dropped, not stored. */
    private Set<String> points(List<String> requested) {
        if (requested == null) {
            return Set.of();
        }
        Set<String> known = servicePoints().stream().map(Option::id).collect(Collectors.toSet());
        return requested.stream().filter(known::contains).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<Role> roles(List<String> requested) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        if (requested != null) {
            for (String r : requested) {
                for (Role role : Role.values()) {
                    if (role.name().equals(r)) {
                        out.add(role);
                    }
                }
            }
        }
        return out;
    }
}
