package vn.kontum.hotline.admin.oncall;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
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

import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.oncall.OnCallPlanning;
import vn.kontum.hotline.oncall.OpeningHours;
import vn.kontum.hotline.oncall.Rota;

/**
 * Opening hours and the on-call rota, one service point per page. Officers read their own service points';
 * coordinators read every one and change them. Another service point's page is 404 for an officer, whatever the
 * method; a change by someone who is not a coordinator is 403. Plain forms with the CSRF token, then a redirect.
 */
@Controller
@RequestMapping("/admin/on-call")
class OnCallController {

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final OpeningHours hours;
    private final Rota rota;
    private final OnCallPlanning planning;
    private final Clock clock;

    OnCallController(Accounts accounts, JdbcClient jdbc, OpeningHours hours, Rota rota, OnCallPlanning planning, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.hours = hours;
        this.rota = rota;
        this.planning = planning;
        this.clock = clock;
    }

    /** A service point as listed on the page. */
    record Point(String id, String name) {
    }

    /** One weekday's openings ({@code day}: ISO number, 1 Monday .. 7 Sunday). */
    record Day(int day, List<OpeningHours.Span> spans) {
    }

    @GetMapping
    String list(Authentication auth, Model model) {
        Viewer viewer = accounts.viewer(auth);
        List<Point> points = visible(viewer);
        if (points.size() == 1) {
            return "redirect:/admin/on-call/" + points.getFirst().id();
        }
        model.addAttribute("viewer", viewer);
        model.addAttribute("points", points);
        return "admin/on-call-list";
    }

    @GetMapping("/{sp}")
    String page(@PathVariable String sp, Authentication auth, Model model) {
        Viewer viewer = accounts.viewer(auth);
        Point point = require(viewer, sp);
        model.addAttribute("viewer", viewer);
        model.addAttribute("point", point);
        model.addAttribute("mayPlan", OnCallPlanning.mayPlan(viewer));
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("week", hours.weekOf(sp).entrySet().stream().map(e -> new Day(e.getKey().getValue(), e.getValue())).toList());
        model.addAttribute("ownRows", hours.ownRows(sp).entrySet().stream().map(e -> new Day(e.getKey().getValue(), e.getValue())).toList());
        model.addAttribute("ownHours", hours.hasOwnHours(sp));
        model.addAttribute("shifts", rota.shifts(sp));
        model.addAttribute("officers", rota.officersOf(sp));
        var now = HotlineClock.now(clock);
        List<Long> onCall = rota.onCallAt(sp, now);
        model.addAttribute("onCallNow", rota.shifts(sp).stream().filter(s -> onCall.contains(s.accountId()))
                .map(Rota.Shift::officerName).distinct().toList());
        model.addAttribute("openNow", hours.isOpen(sp, now));
        return "admin/on-call";
    }

    @PostMapping("/{sp}/hours")
    String addOpening(@PathVariable String sp, @RequestParam(defaultValue = "") String weekday, @RequestParam(defaultValue = "") String opens,
                      @RequestParam(defaultValue = "") String closes, Authentication auth, RedirectAttributes flash) {
        return change(sp, auth, flash, viewer -> planning.addOpening(viewer, sp, day(weekday), time(opens), time(closes)));
    }

    @PostMapping("/{sp}/hours/{id}/remove")
    String removeOpening(@PathVariable String sp, @PathVariable long id, Authentication auth, RedirectAttributes flash) {
        return change(sp, auth, flash, viewer -> planning.removeOpening(viewer, sp, id));
    }

    @PostMapping("/{sp}/shifts")
    String addShift(@PathVariable String sp, @RequestParam(defaultValue = "0") long accountId,
                    @RequestParam(defaultValue = "weekly") String kind, @RequestParam(defaultValue = "") String weekday,
                    @RequestParam(defaultValue = "") String starts, @RequestParam(defaultValue = "") String ends,
                    @RequestParam(defaultValue = "") String fromDate, @RequestParam(defaultValue = "") String toDate,
                    Authentication auth, RedirectAttributes flash) {
        return change(sp, auth, flash, viewer -> {
            if ("dated".equals(kind)) {
                planning.addDatedShift(viewer, sp, accountId, date(fromDate), date(toDate.isBlank() ? fromDate : toDate));
            } else {
                planning.addWeeklyShift(viewer, sp, accountId, day(weekday), time(starts), time(ends));
            }
        });
    }

    @PostMapping("/{sp}/shifts/{id}/remove")
    String removeShift(@PathVariable String sp, @PathVariable long id, Authentication auth, RedirectAttributes flash) {
        return change(sp, auth, flash, viewer -> planning.removeShift(viewer, sp, id));
    }

    private interface Change {
        void apply(Viewer viewer);
    }

    private String change(String sp, Authentication auth, RedirectAttributes flash, Change change) {
        Viewer viewer = accounts.viewer(auth);
        require(viewer, sp); // 404 first: another service point's page tells nothing
        if (!OnCallPlanning.mayPlan(viewer)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            change.apply(viewer);
            flash.addFlashAttribute("notice", "admin.notice.changed");
        } catch (OnCallPlanning.Refused e) {
            flash.addFlashAttribute("problem", e.key());
        } catch (DateTimeException | IllegalArgumentException e) { // a weekday, time or date that is not one
            flash.addFlashAttribute("problem", "admin.refused.invalid");
        }
        return "redirect:/admin/on-call/" + sp;
    }

    private List<Point> visible(Viewer viewer) {
        return jdbc.sql("select id, name from service_point order by name, id")
                .query((rs, n) -> new Point(rs.getString(1), rs.getString(2))).list().stream()
                .filter(p -> viewer.canSee(p.id())).toList();
    }

    private Point require(Viewer viewer, String sp) {
        if (!viewer.canSee(sp)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return jdbc.sql("select id, name from service_point where id = :id").param("id", sp)
                .query((rs, n) -> new Point(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static DayOfWeek day(String weekday) {
        return DayOfWeek.of(Integer.parseInt(weekday.strip())); // ISO: 1 Monday .. 7 Sunday
    }

    private static LocalTime time(String value) {
        return LocalTime.parse(value.strip());
    }

    private static LocalDate date(String value) {
        return LocalDate.parse(value.strip());
    }
}
