package vn.kontum.hotline.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.kontum.hotline.support.Browser;
import vn.kontum.hotline.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A woman opens the web chat on her phone, writes, and reads the answer; what she wrote is shown as text only. */
class ChatInBrowserTest extends BrowserTest {

    @Test
    void a_message_typed_in_the_chat_page_gets_the_hotlines_answer() {
        browser.get(url("/chat"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Trò chuyện với Địa chỉ tin cậy");

        browser.findElement(By.id("text")).sendKeys("Chị ơi em có bầu 5 tháng, khám thai ở trạm y tế có mất tiền không ạ");
        browser.findElement(By.cssSelector("#composer button")).click();

        List<WebElement> answers = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> {
                    List<WebElement> found = d.findElements(By.cssSelector(".msg.hotline"));
                    return found.isEmpty() ? null : found;
                });
        assertThat(answers.getFirst().getText()).contains("Chúng tôi đã nhận được tin nhắn của bạn").contains("Trung tâm Y tế");
        assertThat(browser.findElements(By.cssSelector(".msg.me")).getFirst().getText()).contains("khám thai ở trạm y tế");
        Browser.screenshot(browser, "chat.png");
    }

    @Test
    void markup_in_a_message_is_shown_as_text_and_never_run() {
        browser.get(url("/chat"));
        String hostile = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> alo";
        browser.findElement(By.id("text")).sendKeys(hostile);
        browser.findElement(By.cssSelector("#composer button")).click();

        WebElement mine = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector(".msg.me")).stream().findFirst().orElse(null));
        assertThat(mine.getText()).contains("<script>window.pwned=1</script>").contains("onerror");
        assertThat(browser.findElements(By.cssSelector("#thread img"))).isEmpty();
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.pwned === undefined")).isEqualTo(true);
    }
}
