package vn.kontum.hotline.admin.casefile;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Role;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.secrets.ContentCipher;
import vn.kontum.hotline.stats.ReportExports;

/**
 * The officers' category corrections as corpus lines ({@code label<TAB>urgent<TAB>text}, the format of
 * {@code nlp-models/corpus/}), to retrain the classifier on what it got wrong. The file holds women's words:
 * coordinators only, erased messages left out, and every download recorded like a report.
 */
@Controller
class CorrectionsExportController {

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final ContentCipher content;
    private final ReportExports exports;

    CorrectionsExportController(Accounts accounts, JdbcClient jdbc, ContentCipher content, ReportExports exports) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.content = content;
        this.exports = exports;
    }

    @GetMapping("/admin/corrections.tsv")
    ResponseEntity<byte[]> corrections(Authentication auth) {
        Viewer viewer = accounts.require(auth, Role.COORDINATOR);
        StringBuilder out = new StringBuilder();
        jdbc.sql("""
                        select c.to_category, m.urgent, m.body from case_category_correction c
                        join message m on m.case_id = c.case_id and m.direction = 'IN' and m.body is not null
                        where c.id = (select max(c2.id) from case_category_correction c2 where c2.case_id = c.case_id)
                        order by c.case_id, m.id""")
                .query((rs, n) -> {
                    String text = content.open(rs.getString("body"));
                    String line = text == null ? "" : text.replaceAll("[\\t\\r\\n]+", " ").strip();
                    if (!line.isEmpty()) {
                        out.append(rs.getString("to_category")).append('\t').append(rs.getBoolean("urgent") ? 1 : 0).append('\t')
                                .append(line).append('\n');
                    }
                    return null;
                }).list();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        exports.record(viewer, today, today, "category corrections", "tsv");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "tab-separated-values", StandardCharsets.UTF_8));
        headers.setContentDisposition(ContentDisposition.attachment().filename("corrections-" + today + ".tsv").build());
        headers.setCacheControl("no-store");
        return new ResponseEntity<>(out.toString().getBytes(StandardCharsets.UTF_8), headers, HttpStatus.OK);
    }
}
