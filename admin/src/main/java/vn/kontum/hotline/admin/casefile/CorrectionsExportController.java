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
import vn.kontum.hotline.nlp.text.SmallTalk;
import vn.kontum.hotline.nlp.text.TextNormalizer;
import vn.kontum.hotline.secrets.ContentCipher;
import vn.kontum.hotline.stats.ReportExports;

/**
 * The officers' category corrections as corpus lines ({@code label<TAB>urgent<TAB>text}, the format of
 * {@code nlp-models/corpus/}), to retrain the classifier on what it got wrong, as officers judged it. The file holds
 * women's words: coordinators only, erased messages left out, and every download recorded like a report.
 */
@Controller
class CorrectionsExportController {

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final ContentCipher content;
    private final ReportExports exports;
    private final TextNormalizer normalizer = TextNormalizer.standard();
    private final SmallTalk smallTalk = SmallTalk.standard();

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
        // What a line may claim, from how corrections are kept: an officer corrects a whole case's category (one
        // case_category_correction row) on the page that also shows its priority, with its own form whose changes
        // go to the audit trail. So a line is a message she had before her when she corrected the case (received
        // by then), that the classifier itself read (model_version set: a button's answer such as "2" or a
        // command never reached it and teaches it nothing). Its urgency is the officer's: the priority she last
        // set on the case, if she set one; otherwise she left the case's priority as the classifier's flags had
        // made it, so the flag of each message stands as confirmed. Messages after her correction are left out:
        // neither their category nor their urgency was looked at by anyone. A message made only of small talk ("dạ
        // vâng", "em cảm ơn chị") is never urgent, as the classifier reads it, whatever the case became.
        jdbc.sql("""
                        select c.to_category, m.body,
                               coalesce((select case when a.detail like '%->URGENT' then 1 else 0 end from case_audit a
                                         where a.id = (select max(a2.id) from case_audit a2
                                                       where a2.case_id = c.case_id and a2.action_type = 'PRIORITY')),
                                        case when m.urgent then 1 else 0 end) as urgent
                        from case_category_correction c
                        join message m on m.case_id = c.case_id and m.direction = 'IN' and m.body is not null
                                      and m.model_version is not null and m.created_at <= c.corrected_at
                        where c.id = (select max(c2.id) from case_category_correction c2 where c2.case_id = c.case_id)
                        order by c.case_id, m.id""")
                .query((rs, n) -> {
                    String text = content.open(rs.getString("body"));
                    String line = text == null ? "" : text.replaceAll("[\\t\\r\\n]+", " ").strip();
                    if (!line.isEmpty()) {
                        int urgent = smallTalk.only(normalizer.syllables(line)) ? 0 : rs.getInt("urgent");
                        out.append(rs.getString("to_category")).append('\t').append(urgent).append('\t')
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
