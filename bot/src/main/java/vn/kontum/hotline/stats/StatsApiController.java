package vn.kontum.hotline.stats;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.web.ApiException;

/**
 * The figures as JSON, and the report as XLSX or CSV, for any date range or the six-month and annual presets
 * ({@code preset=six-months|annual&year=2026}). Coordinators get the city, officers their own service points.
 */
@RestController
class StatsApiController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StatsQueries stats;
    private final SummaryWorkbook workbook;
    private final Accounts accounts;
    private final ReportExports exports;

    StatsApiController(StatsQueries stats, SummaryWorkbook workbook, Accounts accounts, ReportExports exports) {
        this.stats = stats;
        this.workbook = workbook;
        this.accounts = accounts;
        this.exports = exports;
    }

    @GetMapping("/api/v1/stats")
    StatsReport figures(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                        @RequestParam(required = false) @Nullable String preset, @RequestParam(required = false) @Nullable Integer year,
                        Authentication auth) {
        return stats.report(accounts.viewer(auth), period(from, to, preset, year));
    }

    @GetMapping("/api/v1/reports/summary.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                                @RequestParam(required = false) @Nullable String preset, @RequestParam(required = false) @Nullable Integer year,
                                Authentication auth, Locale locale) {
        Viewer viewer = accounts.viewer(auth);
        Period period = period(from, to, preset, year);
        StatsReport report = stats.report(viewer, period);
        byte[] body = workbook.xlsx(report, locale);
        exports.record(viewer, period.from(), period.to(), report.scope(), "xlsx");
        return download(body, XLSX, report, "xlsx");
    }

    @GetMapping("/api/v1/reports/summary.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                               @RequestParam(required = false) @Nullable String preset, @RequestParam(required = false) @Nullable Integer year,
                               Authentication auth, Locale locale) {
        Viewer viewer = accounts.viewer(auth);
        Period period = period(from, to, preset, year);
        StatsReport report = stats.report(viewer, period);
        byte[] body = workbook.csv(report, locale).getBytes(StandardCharsets.UTF_8);
        exports.record(viewer, period.from(), period.to(), report.scope(), "csv");
        return download(body, new MediaType("text", "csv", StandardCharsets.UTF_8), report, "csv");
    }

    /** Named with its scope and period, so that the city's file and a service point's are told apart in a folder. */
    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, StatsReport report, String extension) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        String scope = StatsReport.SCOPE_CITY.equals(report.scope()) ? "thanh-pho" : "diem-cua-minh";
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("bao-cao-" + scope + "-" + report.from() + "-" + report.to() + "." + extension).build());
        headers.setCacheControl("no-store");
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }

    static Period period(@Nullable String from, @Nullable String to, @Nullable String preset, @Nullable Integer year) {
        try {
            if (preset != null) {
                int y = year != null ? year : LocalDate.now(Period.VIETNAM).getYear();
                return switch (preset) {
                    case "six-months" -> Period.sixMonths(y);
                    case "annual" -> Period.annual(y);
                    default -> throw new ApiException(HttpStatus.BAD_REQUEST, "error.bad-period");
                };
            }
            if (from == null || to == null) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "error.bad-period");
            }
            return new Period(LocalDate.parse(from), LocalDate.parse(to));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.bad-period");
        }
    }
}
