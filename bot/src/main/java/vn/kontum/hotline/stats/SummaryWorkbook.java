package vn.kontum.hotline.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The report as a spreadsheet and as CSV, headings from the message bundles (Vietnamese by default). */
@Component
class SummaryWorkbook {

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;

    SummaryWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    /** Rows of (heading, value), shared by the spreadsheet and the CSV so that both say the same. */
    java.util.List<String[]> rows(StatsReport r, Locale locale) {
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        // Who the figures are for and when, first: a coordinator's file and an officer's must not be taken one for the other.
        rows.add(row(t("stats.report.title", locale), ""));
        rows.add(row(t("stats.print.scope", locale), scope(r, locale)));
        rows.add(row(t("stats.period", locale), DAY.format(r.from()) + " – " + DAY.format(r.to())));
        rows.add(row("", ""));
        rows.add(row(t("stats.section.indicators", locale), ""));
        var i = r.indicators();
        rows.add(row(t("stats.indicator.trusted-addresses", locale), i.trustedAddressesActive() + " / " + i.trustedAddressesTarget()));
        rows.add(row(t("stats.indicator.villages", locale), i.villagesReached() + " / " + i.villagesTarget()));
        rows.add(row(t("stats.indicator.disadvantaged-villages", locale), i.disadvantagedVillagesReached() + " / " + i.disadvantagedVillagesTarget()));
        rows.add(row(t("stats.indicator.safe-delivery", locale), Long.toString(i.womenCounselledOnSafeDelivery())));
        rows.add(row(t("stats.indicator.violence-trafficking", locale), Long.toString(i.violenceAndTraffickingCasesSupported())));
        rows.add(row(t("stats.indicator.violence-trafficking-resolved", locale), Long.toString(i.violenceAndTraffickingCasesResolved())));
        rows.add(row(t("stats.indicator.savings", locale), Long.toString(i.savingsQuestionsReferred())));
        rows.add(row("", ""));
        rows.add(row(t("stats.section.cases", locale), Long.toString(r.casesOpened())));
        r.casesByCategory().forEach((k, v) -> rows.add(row(t("category." + k, locale), Long.toString(v))));
        rows.add(row(t("stats.urgent-cases", locale), Long.toString(r.urgentCases())));
        rows.add(row(t("stats.open-backlog", locale), Long.toString(r.openBacklog())));
        rows.add(row(t("stats.new-contacts", locale), Long.toString(r.newContacts())));
        rows.add(row(t("stats.returning-contacts", locale), Long.toString(r.returningContacts())));
        rows.add(row("", ""));
        rows.add(row(t("stats.series.resolved", locale), Long.toString(r.casesResolved())));
        r.resolvedByCategory().forEach((k, v) -> rows.add(row(t("category." + k, locale), Long.toString(v))));
        rows.add(row(t("stats.series.closed", locale), Long.toString(r.casesClosed())));
        r.closedByCategory().forEach((k, v) -> rows.add(row(t("category." + k, locale), Long.toString(v))));
        rows.add(row(t("stats.resolved-closed.note", locale), ""));
        rows.add(row("", ""));
        rows.add(row(t("stats.section.messages", locale), ""));
        r.messagesByCategory().forEach((k, v) -> rows.add(row(t("category." + k, locale), Long.toString(v))));
        rows.add(row("", ""));
        rows.add(row(t("stats.section.cases-by-channel", locale), ""));
        r.casesByChannel().forEach((k, v) -> rows.add(row(t("channel." + k, locale), Long.toString(v))));
        rows.add(row("", ""));
        rows.add(row(t("stats.section.messages-by-channel", locale), ""));
        r.messagesByChannel().forEach((k, v) -> rows.add(row(t("channel." + k, locale), Long.toString(v))));
        rows.add(row("", ""));
        rows.add(row(t("stats.section.communes", locale, r.smallCountThreshold()), ""));
        r.casesByCommune().forEach((k, v) -> rows.add(row(place(k, locale), count(v, locale))));
        rows.add(row("", ""));
        rows.add(row(t("stats.section.villages", locale, r.smallCountThreshold()), ""));
        r.casesByVillage().forEach((k, v) -> rows.add(row(place(k, locale), count(v, locale))));
        rows.add(row(t("stats.hidden.note", locale, r.smallCountThreshold() - 1, r.smallCountThreshold()), ""));
        rows.add(row("", ""));
        rows.add(row(t("stats.section.answering", locale), ""));
        r.answeringByPriority().forEach((priority, a) -> {
            String p = t("priority." + priority, locale);
            rows.add(row(p + " - " + t("stats.first-response-median", locale), minutes(a.firstResponseMedian())));
            rows.add(row(p + " - " + t("stats.first-response-p90", locale), minutes(a.firstResponseP90())));
            rows.add(row(p + " - " + t("stats.resolution-median", locale), minutes(a.resolutionMedian())));
        });
        r.firstResponseBreachesByPriority().forEach((priority, n) ->
                rows.add(row(t("priority." + priority, locale) + " - " + t("stats.first-response-breaches", locale), Long.toString(n))));
        return rows;
    }

    /** "Toàn thành phố", or "Các điểm dịch vụ của mình: " and their names. */
    String scope(StatsReport r, Locale locale) {
        return StatsReport.SCOPE_CITY.equals(r.scope()) ? t("stats.scope.city", locale)
                : t("stats.scope.own", locale, String.join(", ", r.servicePoints()));
    }

    private String count(String cell, Locale locale) {
        return StatsReport.HIDDEN.equals(cell) ? t("stats.hidden", locale) : cell;
    }

    private String place(String key, Locale locale) {
        return StatsReport.PLACE_NOT_GIVEN.equals(key) ? t("stats.place-not-given", locale) : key;
    }

    byte[] xlsx(StatsReport report, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(t("stats.sheet", locale));
            int n = 0;
            for (String[] cells : rows(report, locale)) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(cells[0]);
                if (cells[1].matches("\\d+")) {
                    row.createCell(1).setCellValue(Long.parseLong(cells[1]));
                } else {
                    row.createCell(1).setCellValue(cells[1]);
                }
            }
            sheet.setColumnWidth(0, 60 * 256);
            sheet.setColumnWidth(1, 20 * 256);
            overTime(workbook.createSheet(t("stats.over-time.sheet", locale)), report.overTime(), locale);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row per week or month: its first and last day, then cases and messages per category. */
    private void overTime(Sheet sheet, StatsReport.OverTime o, Locale locale) {
        Row head = sheet.createRow(0);
        int col = 0;
        head.createCell(col++).setCellValue(t("stats.from", locale));
        head.createCell(col++).setCellValue(t("stats.to", locale));
        for (String label : o.cases().keySet()) {
            head.createCell(col++).setCellValue(t("stats.over-time.cases-of", locale, t("category." + label, locale)));
        }
        for (String label : o.messages().keySet()) {
            head.createCell(col++).setCellValue(t("stats.over-time.messages-of", locale, t("category." + label, locale)));
        }
        for (int i = 0; i < o.starts().size(); i++) {
            Row row = sheet.createRow(i + 1);
            int c = 0;
            row.createCell(c++).setCellValue(DAY.format(o.starts().get(i)));
            row.createCell(c++).setCellValue(DAY.format(o.ends().get(i)));
            for (java.util.List<Long> values : o.cases().values()) {
                row.createCell(c++).setCellValue(values.get(i));
            }
            for (java.util.List<Long> values : o.messages().values()) {
                row.createCell(c++).setCellValue(values.get(i));
            }
        }
        for (int c = 0; c < col; c++) {
            sheet.setColumnWidth(c, (c < 2 ? 12 : 22) * 256);
        }
    }

    String csv(StatsReport report, Locale locale) {
        StringBuilder out = new StringBuilder("\uFEFF"); // so that spreadsheet programs read UTF-8
        for (String[] cells : rows(report, locale)) {
            out.append(quote(cells[0])).append(',').append(quote(cells[1])).append("\r\n");
        }
        return out.toString();
    }

    private static String quote(String s) {
        // A leading = + - @ (or a tab or carriage return before one) would be a formula in a spreadsheet:
        // neutralised. A lone "-" (no figure) is text to every spreadsheet and stays as it is.
        String safe = !s.isEmpty() && !s.equals("-") && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static String minutes(Long m) {
        return m == null ? "-" : Long.toString(m);
    }

    private static String[] row(String a, String b) {
        return new String[] {a, b};
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String t(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

}
