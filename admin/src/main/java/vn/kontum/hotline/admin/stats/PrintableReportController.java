package vn.kontum.hotline.admin.stats;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.stats.Period;
import vn.kontum.hotline.stats.ReportExports;
import vn.kontum.hotline.stats.StatsQueries;
import vn.kontum.hotline.stats.StatsReport;

/**
 * The report as a page to print or save as PDF from the browser, for the six-month and annual reports or any
 * range: the same figures as the XLSX, headings in Vietnamese, and recorded as an export like the downloads.
 */
@Controller
class PrintableReportController {

    private final StatsQueries stats;
    private final Accounts accounts;
    private final ReportExports exports;

    PrintableReportController(StatsQueries stats, Accounts accounts, ReportExports exports) {
        this.stats = stats;
        this.accounts = accounts;
        this.exports = exports;
    }

    @GetMapping("/admin/stats/print")
    String print(@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
                 @RequestParam(required = false) @Nullable String preset, @RequestParam(required = false) @Nullable Integer year,
                 Model model, Authentication auth, HttpServletResponse response) {
        Viewer viewer = accounts.viewer(auth);
        int y = year != null ? year : LocalDate.now(StatsQueries.VIETNAM).getYear();
        Period period;
        if (("six-months".equals(preset) || "annual".equals(preset)) && (y < Period.FIRST_YEAR || y > Period.LAST_YEAR)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("firstYear", Period.FIRST_YEAR);
            model.addAttribute("lastYear", Period.LAST_YEAR);
            return "admin/stats-bad-year";
        }
        if ("six-months".equals(preset)) {
            period = Period.sixMonths(y);
        } else if ("annual".equals(preset)) {
            period = Period.annual(y);
        } else {
            LocalDate end = to != null ? to : LocalDate.now(StatsQueries.VIETNAM);
            period = Period.within(from != null && !from.isAfter(end) ? from : end.minusDays(29), end);
        }
        StatsReport report = stats.report(viewer, period);
        exports.record(viewer, period.from(), period.to(), report.scope(), "print");
        model.addAttribute("report", report);
        return "admin/stats-print";
    }
}
