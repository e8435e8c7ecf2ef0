package vn.kontum.hotline.admin.stats;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.stats.ReportExports;
import vn.kontum.hotline.stats.Period;
import vn.kontum.hotline.stats.StatsQueries;
import vn.kontum.hotline.stats.StatsReport;

/**
 * The dashboard: the period's figures as charts with the same numbers in tables beside them. The chart data
 * travels in a data attribute (JSON), read by a static script: no inline script under the CSP.
 */
@Controller
class StatsPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StatsQueries stats;
    private final Accounts accounts;
    private final MessageSource messages;
    private final ReportExports exports;

    StatsPageController(StatsQueries stats, Accounts accounts, MessageSource messages, ReportExports exports) {
        this.stats = stats;
        this.accounts = accounts;
        this.messages = messages;
        this.exports = exports;
    }

    @GetMapping("/admin/stats")
    String dashboard(@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
                     Model model, Authentication auth, Locale locale) {
        LocalDate end = to != null ? to : LocalDate.now(StatsQueries.VIETNAM);
        Period period = Period.within(from != null ? from : end.minusDays(29), end); // shown in the form as taken
        LocalDate start = period.from();
        Viewer viewer = accounts.viewer(auth);
        StatsReport report = stats.report(viewer, period);
        model.addAttribute("report", report);
        model.addAttribute("viewer", viewer);
        model.addAttribute("year", end.getYear());
        // Who took which report out: the city coordinators' business only.
        model.addAttribute("exports", viewer.seesAllCases() ? exports.recent(20) : List.of());
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("labels", report.casesByCategory().keySet().stream()
                .map(label -> messages.getMessage("category." + label, null, label, locale)).toList());
        charts.put("cases", List.copyOf(report.casesByCategory().values()));
        charts.put("messages", List.copyOf(report.messagesByCategory().values()));
        charts.put("channels", report.casesByChannel().keySet().stream()
                .map(channel -> messages.getMessage("channel." + channel, null, channel, locale)).toList());
        charts.put("casesByChannel", List.copyOf(report.casesByChannel().values()));
        model.addAttribute("chartData", JSON.writeValueAsString(charts));
        model.addAttribute("buckets", bucketNames(report.overTime()));
        model.addAttribute("casesOverTime", JSON.writeValueAsString(overTime(report.overTime(), report.overTime().cases(), locale)));
        model.addAttribute("messagesOverTime", JSON.writeValueAsString(overTime(report.overTime(), report.overTime().messages(), locale)));
        return "admin/stats";
    }

    /** A whole month as "03/2026"; a week, or a month cut by the period, as its first and last day. */
    private static List<String> bucketNames(StatsReport.OverTime o) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MM/yyyy");
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM");
        DateTimeFormatter dayOfYear = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < o.starts().size(); i++) {
            LocalDate start = o.starts().get(i);
            LocalDate end = o.ends().get(i);
            boolean wholeMonth = "MONTH".equals(o.unit()) && start.getDayOfMonth() == 1 && end.equals(start.withDayOfMonth(start.lengthOfMonth()));
            names.add(wholeMonth ? month.format(start) : day.format(start) + " – " + dayOfYear.format(end));
        }
        return names;
    }

    /** One line per category, one point per week or month, labelled by the bucket's first day. */
    private Map<String, Object> overTime(StatsReport.OverTime o, Map<String, List<Long>> series, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("WEEK".equals(o.unit()) ? "dd/MM" : "MM/yyyy");
        List<Map<String, Object>> lines = new ArrayList<>();
        series.forEach((label, values) -> lines.add(Map.of("label", messages.getMessage("category." + label, null, label, locale),
                "data", values)));
        return Map.of("labels", o.starts().stream().map(format::format).toList(), "datasets", lines);
    }
}
