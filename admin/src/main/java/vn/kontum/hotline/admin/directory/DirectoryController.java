package vn.kontum.hotline.admin.directory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Role;
import vn.kontum.hotline.accounts.Viewer;
import vn.kontum.hotline.directory.DirectoryFiles;

/** Administrators download the directory as three CSV files, edit them in a spreadsheet and upload them back. */
@Controller
@RequestMapping("/admin/directory")
class DirectoryController {

    private static final Logger log = LoggerFactory.getLogger(DirectoryController.class);
    private static final long MAX_FILE = 1024 * 1024;

    private final DirectoryFiles files;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    DirectoryController(DirectoryFiles files, Accounts accounts, JdbcClient jdbc) {
        this.files = files;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @GetMapping
    String page(Authentication auth, Model model) {
        model.addAttribute("viewer", accounts.require(auth, Role.ADMIN));
        model.addAttribute("counts", Map.of(
                "communes", count("commune"), "villages", count("village"), "servicePoints", count("service_point"),
                "samples", jdbc.sql("select (select count(*) from village where sample) + (select count(*) from service_point where sample)")
                        .query(Long.class).single()));
        return "admin/directory";
    }

    @GetMapping("/{kind}.csv")
    ResponseEntity<byte[]> download(@PathVariable String kind, Authentication auth) {
        accounts.require(auth, Role.ADMIN);
        String csv = switch (kind) {
            case "communes" -> files.communes();
            case "villages" -> files.villages();
            case "service-points" -> files.servicePoints();
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        headers.setContentDisposition(ContentDisposition.attachment().filename(kind + ".csv").build());
        headers.setCacheControl("no-store");
        // With a byte-order mark, spreadsheets read the Vietnamese letters as UTF-8.
        return new ResponseEntity<>(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8), headers, HttpStatus.OK);
    }

    @PostMapping("/{kind}.csv")
    String upload(@PathVariable String kind, @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Authentication auth,
                  RedirectAttributes flash) {
        // The role first, then the file: a request that is no upload at all (no multipart body) is refused, not an error.
        Viewer admin = accounts.require(auth, Role.ADMIN);
        try {
            if (file == null || file.isEmpty() || file.getSize() > MAX_FILE) {
                flash.addFlashAttribute("problem", "directory.refused.file");
                return "redirect:/admin/directory";
            }
            String csv = utf8(file.getBytes());
            int taken = switch (kind) {
                case "communes" -> files.importCommunes(csv);
                case "villages" -> files.importVillages(csv);
                case "service-points" -> files.importServicePoints(csv);
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            };
            log.info("directory {} imported by account {}: {} rows", kind, admin.accountId(), taken);
            flash.addFlashAttribute("notice", "directory.imported");
            flash.addFlashAttribute("importedRows", taken);
        } catch (DirectoryFiles.Refused e) {
            flash.addFlashAttribute("problem", e.key);
            flash.addFlashAttribute("problemLine", e.line);
        } catch (IOException e) {
            flash.addFlashAttribute("problem", "directory.refused.file");
        }
        return "redirect:/admin/directory";
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
