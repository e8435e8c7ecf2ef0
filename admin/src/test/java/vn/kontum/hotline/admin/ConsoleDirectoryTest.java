package vn.kontum.hotline.admin;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory leaves and comes back as CSV: exported, edited, imported all or nothing; administrators only. */
class ConsoleDirectoryTest extends HotlineIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    vn.kontum.hotline.accounts.Accounts accounts;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @Test
    void an_exported_service_point_file_edited_and_imported_back_changes_the_directory() {
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        String exported = admin.get("/admin/directory/service-points.csv").body();
        assertThat(exported).startsWith("\uFEFF\"id\",\"kind\",\"name\",\"commune_id\",\"phone\",\"categories\",\"villages\"")
                .contains("\"tyt-dak-bla\",\"HEALTH_STATION\",\"Trạm Y tế Đăk Blà (mẫu)\",\"dak-bla\",\"0901 000 004\",\"safe_delivery\"");

        String edited = "id,kind,name,commune_id,phone,categories,villages\r\n"
                + "tyt-ia-chim,HEALTH_STATION,\"Trạm Y tế xã Ia Chim\",ia-chim,0260 3 555 111,safe_delivery,ia-chim-thon-1;ia-chim-thon-2\r\n"
                + "nhom-sinh-ke-ia-chim,SAVINGS_GROUP,\"Tổ hợp tác dệt thổ cẩm, Ia Chim\",ia-chim,,savings_loans,ia-chim-thon-3\r\n";
        String page = followed(admin, admin.upload("/admin/directory/service-points.csv", "file", "sp.csv", edited.getBytes(StandardCharsets.UTF_8)));
        assertThat(page).contains("Đã nhận 2 dòng.");

        Map<String, Object> updated = jdbc.sql("select name, phone, sample from service_point where id = 'tyt-ia-chim'").query().singleRow();
        assertThat(updated).containsEntry("name", "Trạm Y tế xã Ia Chim").containsEntry("phone", "0260 3 555 111").containsEntry("sample", false);
        assertThat(jdbc.sql("select village_id from service_point_village where service_point_id = 'tyt-ia-chim' order by 1")
                .query(String.class).list()).containsExactly("ia-chim-thon-1", "ia-chim-thon-2");
        assertThat(jdbc.sql("select category from service_point_category where service_point_id = 'nhom-sinh-ke-ia-chim'")
                .query(String.class).list()).containsExactly("savings_loans");
    }

    @Test
    void a_file_with_one_bad_line_changes_nothing_and_names_the_line_and_officers_get_403() {
        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        String bad = "id,commune_id,name,especially_disadvantaged\n"
                + "lang-moi-1,dak-bla,Làng mới 1,1\n"
                + "lang-moi-2,xa-khong-co,Làng mới 2,0\n";
        String page = followed(admin, admin.upload("/admin/directory/villages.csv", "file", "v.csv", bad.getBytes(StandardCharsets.UTF_8)));
        assertThat(page).contains("Lỗi ở dòng 3 của tệp").contains("Mã xã chưa có trong danh mục.");
        assertThat(jdbc.sql("select count(*) from village where id like 'lang-moi-%'").query(Long.class).single()).isZero();

        assertThat(admin.get("/admin/directory/villages.csv").body()).contains("\"dak-bla-thon-1\",\"dak-bla\"");
        assertThat(new OfficerClient(url("")).get("/admin/directory/villages.csv").statusCode()).as("not logged in").isEqualTo(302);
        Officers.ensure(accounts, encoder, jdbc, "dir-officer", "pw-dir-officer", "Chị Danh Mục", Officers.WOMENS_UNION);
        OfficerClient officer = OfficerClient.loggedIn(url(""), "dir-officer", "pw-dir-officer");
        assertThat(officer.get("/admin/directory").statusCode()).isEqualTo(403);
        assertThat(officer.upload("/admin/directory/villages.csv", "file", "v.csv", bad.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        // A plain form instead of an upload: refused like any other request, never a server error.
        assertThat(officer.post("/admin/directory/service-points.csv", Map.of("x", "y")).statusCode()).isEqualTo(403);
        assertThat(followed(admin, admin.post("/admin/directory/service-points.csv", Map.of("x", "y"))))
                .contains("Tệp trống, quá lớn");
    }

    private static String followed(OfficerClient client, java.net.http.HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + answer.statusCode()));
        return client.get(location.startsWith("http") ? java.net.URI.create(location).getRawPath() : location).body();
    }
}
