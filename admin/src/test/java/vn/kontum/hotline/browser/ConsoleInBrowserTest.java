package vn.kontum.hotline.browser;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.support.Browser;
import vn.kontum.hotline.support.BrowserTest;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An officer on a 360 px phone: logs in, finds the message a woman sent on Telegram in her inbox, opens it and
 * answers; the answer reaches the woman's chat. Another service point's case stays closed to her, and markup in
 * a message is shown as text.
 */
class ConsoleInBrowserTest extends BrowserTest {

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void officer() {
        Officers.ensure(accounts, encoder, jdbc, "browser-union", "pw-browser-union", "Chị H'Linh (Hội Phụ nữ)", Officers.WOMENS_UNION);
    }

    @Test
    void an_officer_logs_in_opens_a_telegram_message_from_her_inbox_and_her_reply_reaches_the_woman() {
        long chat = 730_001;
        long caseId = telegramCase(chat, "Y Hoa", "Chị ơi chồng em say rượu về hay đánh em, em phải làm sao");
        int first = telegramAnswered(chat).size();

        logIn("browser-union", "pw-browser-union");
        WebElement row = wait(d -> d.findElements(By.cssSelector("a[href='/admin/cases/" + caseId + "']")).stream().findFirst().orElse(null));
        assertThat(row.getText()).contains("#" + caseId).contains("Bạo lực").contains("Telegram").contains("Đang chờ");
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof htmx")).isEqualTo("object");
        Browser.screenshot(browser, "inbox.png");

        row.click();
        WebElement message = wait(d -> d.findElements(By.cssSelector("#thread .msg.in .body")).stream().findFirst().orElse(null));
        assertThat(message.getText()).isEqualTo("Chị ơi chồng em say rượu về hay đánh em, em phải làm sao");
        browser.findElement(By.id("reply-text")).sendKeys("Chị Hoa ơi, chị đang ở thôn nào? Nếu nguy hiểm hãy gọi 113 ngay.");
        browser.findElement(By.cssSelector("form[action$='/reply'] button")).click();

        wait(d -> d.findElements(By.cssSelector(".notice")).stream().findFirst().orElse(null));
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(chat).size() == first + 1);
        assertThat(TELEGRAM.sentTo(chat).get(first).text()).isEqualTo("Chị Hoa ơi, chị đang ở thôn nào? Nếu nguy hiểm hãy gọi 113 ngay.");

        browser.get(url("/admin/cases/" + caseId));
        WebElement reply = wait(d -> d.findElements(By.cssSelector("#thread .msg.out")).stream().findFirst().orElse(null));
        assertThat(reply.getText()).contains("Chị H'Linh (Hội Phụ nữ)").contains("Chị Hoa ơi").contains("Đã gửi");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('thread').scrollIntoView()");
        Browser.screenshot(browser, "conversation.png");
    }

    @Test
    void an_officer_cannot_open_another_service_points_case() {
        long caseId = telegramCase(730_002, "Lan", "em có bầu 3 tháng rồi thì cần đi khám thai mấy lần ạ");
        logIn("browser-union", "pw-browser-union");
        wait(d -> d.findElements(By.tagName("h1")).stream().findFirst().orElse(null));
        assertThat(browser.findElements(By.cssSelector("a[href='/admin/cases/" + caseId + "']"))).isEmpty();

        browser.get(url("/admin/cases/" + caseId));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy");
        assertThat(browser.getPageSource()).doesNotContain("khám thai");
    }

    @Test
    void markup_in_a_womans_message_is_shown_as_text_and_never_run() {
        String hostile = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> chồng em đánh em";
        long caseId = telegramCase(730_003, "<img src=x onerror=\"window.pwned=3\">", hostile);
        logIn("browser-union", "pw-browser-union");
        wait(d -> d.findElements(By.tagName("h1")).stream().findFirst().orElse(null));

        browser.get(url("/admin/cases/" + caseId));
        WebElement message = wait(d -> d.findElements(By.cssSelector("#thread .msg.in .body")).stream().findFirst().orElse(null));
        assertThat(message.getText()).isEqualTo(hostile);
        assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void a_new_urgent_case_raises_a_visible_alarm_in_an_open_inbox_without_reload() {
        logIn("browser-union", "pw-browser-union");
        wait(d -> d.findElements(By.id("sound-on")).stream().findFirst().orElse(null)).click();
        assertThat(browser.findElement(By.id("urgent-alert")).isDisplayed()).isFalse();

        long caseId = telegramCase(730_004, "Mai", "cứu em với, chồng em đang cầm dao đòi giết em");
        WebElement alarm = new WebDriverWait(browser, Duration.ofSeconds(25))
                .until(d -> d.findElement(By.id("urgent-alert")).isDisplayed() ? d.findElement(By.id("urgent-alert")) : null);
        assertThat(alarm.getText()).contains("KHẨN CẤP");
        // The alarm comes with the live news; the list follows with its next refresh.
        wait(d -> d.findElements(By.cssSelector("li[data-case-id='" + caseId + "'][data-urgent='true']")).stream().findFirst().orElse(null));
        assertThat(browser.findElement(By.id("sound-on")).getText()).isEqualTo("Chuông báo khẩn đang bật");
    }

    private void logIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait(d -> d.getCurrentUrl().endsWith("/admin") ? Boolean.TRUE : null);
    }

    private <T> T wait(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
    }
}
