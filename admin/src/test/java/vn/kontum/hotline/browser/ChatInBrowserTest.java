package vn.kontum.hotline.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.kontum.hotline.delivery.Outbox;
import vn.kontum.hotline.support.Browser;
import vn.kontum.hotline.support.BrowserTest;
import vn.kontum.hotline.support.HeldReplies;

import static org.assertj.core.api.Assertions.assertThat;

/** A woman opens the web chat on her phone, writes, and reads the answer; what she wrote is shown as text only. */
class ChatInBrowserTest extends BrowserTest {

    @Autowired
    Outbox outbox;

    @Test
    void a_message_typed_in_the_chat_page_gets_the_hotlines_answer() {
        browser.get(url("/chat"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Trò chuyện với Địa chỉ tin cậy");

        browser.findElement(By.id("text")).sendKeys("Chị ơi em có bầu 5 tháng, khám thai ở trạm y tế có mất tiền không ạ");
        browser.findElement(By.cssSelector("#composer button")).click();

        // Her first answer in three bubbles, as on Telegram and Zalo: where her case went with the welcome, the answer
        // to her question, then where she lives, the buttons under that last one only.
        List<WebElement> answers = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> {
                    List<WebElement> found = d.findElements(By.cssSelector(".msg.hotline"));
                    return found.size() < 3 ? null : found;
                });
        assertThat(answers).hasSize(3);
        assertThat(answers.getFirst().getText()).contains("Xin chào, đây là Địa chỉ tin cậy").contains("Trung tâm Y tế");
        assertThat(answers.get(2).getText()).contains("Bạn ở xã, phường nào?").contains("1 - ");
        assertThat(answers.subList(0, 2)).allSatisfy(a -> assertThat(a.findElements(By.cssSelector(".choices button"))).isEmpty());
        assertThat(answers.get(2).findElements(By.cssSelector(".choices button"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".msg.me")).getFirst().getText()).contains("khám thai ở trạm y tế");
        Browser.screenshot(browser, "chat.png");
    }

    /** She comes back to the chat by a link on another site: her conversation is there, in the same session. */
    @Test
    void coming_back_by_a_link_from_another_site_she_finds_her_conversation() {
        String chat = url("/chat");
        browser.get(chat);
        write("Chị ơi em muốn hỏi về vay vốn của hội phụ nữ");
        String session = browser.manage().getCookieNamed("hotline_chat").getValue();

        followLinkFromAnotherSite(chat);

        awaitMine("vay vốn của hội phụ nữ");
        assertThat(browser.manage().getCookieNamed("hotline_chat").getValue()).isEqualTo(session);
    }

    /**
     * Her cookie was set Strict (as every one was before Lax): the browser keeps it back from a navigation from
     * another site, and the page, served without a session, asks for it itself: hers, not a new one over it.
     */
    @Test
    void a_cookie_set_strict_before_is_kept_when_she_comes_from_another_site() {
        String chat = url("/chat");
        browser.get(chat);
        write("Chị ơi em muốn hỏi về tổ tiết kiệm ở làng");
        Cookie lax = browser.manage().getCookieNamed("hotline_chat");
        browser.manage().deleteCookieNamed("hotline_chat");
        browser.manage().addCookie(new Cookie.Builder(lax.getName(), lax.getValue()).path("/chat").isHttpOnly(true)
                .sameSite("Strict").build());

        followLinkFromAnotherSite(chat);

        awaitMine("tổ tiết kiệm ở làng");
        Cookie now = browser.manage().getCookieNamed("hotline_chat");
        assertThat(now.getValue()).isEqualTo(lax.getValue());
        assertThat(now.getSameSite()).as("written again, Lax").isEqualTo("Lax");
    }

    /**
     * An officer's reply held for her safe hours while she wrote on: when it goes, her open page shows it once, in its
     * place before what she wrote since.
     */
    @Test
    void a_reply_held_while_she_wrote_on_appears_on_the_open_page_in_its_place() {
        browser.get(url("/chat"));
        write("Chị ơi em muốn hỏi về vay vốn của hội phụ nữ");
        HeldReplies replies = new HeldReplies(jdbc, outbox);
        long contact = replies.contact(browser.manage().getCookieNamed("hotline_chat").getValue());
        String reply = "Chị ơi, cán bộ hội sẽ gọi lại vào giờ chị hẹn nhé";
        long held = replies.hold(contact, reply);
        browser.findElement(By.id("text")).sendKeys("Em cảm ơn chị");
        browser.findElement(By.cssSelector("#composer button")).click();
        awaitMine("Em cảm ơn chị");

        replies.release(List.of(held));

        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> lines().stream().anyMatch(t -> t.contains(reply)));
        List<String> lines = lines();
        assertThat(lines.stream().filter(t -> t.contains(reply))).hasSize(1);
        int thanks = lines.stream().filter(t -> t.contains("Em cảm ơn chị")).map(lines::indexOf).findFirst().orElseThrow();
        assertThat(lines.stream().filter(t -> t.contains(reply)).map(lines::indexOf).findFirst().orElseThrow()).isLessThan(thanks);
    }

    /**
     * She wrote fast (here, as many messages as the limit lets through at once), then the one that matters: refused
     * for now with 429, it stays on her page marked unsent, and goes by itself after the wait the server gave, once.
     */
    @Test
    void a_message_held_back_by_the_rate_limit_is_kept_and_sent_after_the_wait() {
        browser.get(url("/chat"));
        String urgent = "chồng em đang cầm dao đuổi em";
        Object seen = ((JavascriptExecutor) browser).executeAsyncScript("""
                var text = arguments[0];
                var done = arguments[arguments.length - 1];
                var notes = [];
                new MutationObserver(function () {
                  document.querySelectorAll('#thread .note').forEach(function (n) { notes.push(n.textContent); });
                }).observe(document.getElementById('thread'), { subtree: true, childList: true, characterData: true });
                window.notesSeen = notes;
                function flood(i) {
                  return fetch('/chat/api/messages', { method: 'POST', credentials: 'same-origin',
                      headers: { 'Content-Type': 'application/json' },
                      body: JSON.stringify({ clientMessageId: 'fast-' + i, text: 'em nhắn ' + i }) })
                    .then(function (r) { return r.status === 429 || i > 100 ? i : flood(i + 1); });
                }
                flood(0).then(function () {
                  document.getElementById('text').value = text;
                  document.querySelector('#composer button').click();
                  done(Array.prototype.map.call(document.querySelectorAll('#thread .msg.me'), function (m) { return m.textContent; }));
                });""", urgent);
        assertThat((List<?>) seen).as("on her page at once").anySatisfy(t -> assertThat((String) t).contains(urgent));

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(".msg.me:not(.pending)")).stream()
                .anyMatch(m -> m.getText().contains(urgent)));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notesSeen")).as("marked unsent while held back")
                .asString().contains("Chưa gửi, sẽ tự gửi lại");
        assertThat(lines().stream().filter(t -> t.contains(urgent))).as("stored once").hasSize(1);
        browser.navigate().refresh();
        awaitMine(urgent);
        assertThat(lines().stream().filter(t -> t.contains(urgent))).as("stored once").hasSize(1);
    }

    /** "Xoá hết tin nhắn" erases like the erase word alone: the page forgets what she wrote at once, and so does the hotline. */
    @Test
    void erasing_with_a_few_words_after_the_erase_word_clears_the_page() {
        browser.get(url("/chat"));
        write("Chị ơi chồng em hay đánh em khi say rượu");

        browser.findElement(By.id("text")).sendKeys("Xoá hết tin nhắn");
        browser.findElement(By.cssSelector("#composer button")).click();

        assertThat(lines()).as("at once").noneSatisfy(t -> assertThat(t).contains("say rượu"));
        String harmless = "Chúc bạn một ngày tốt lành";
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> lines().stream().anyMatch(t -> t.contains(harmless)));
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> lines().stream().anyMatch(t -> t.contains(harmless)));
        assertThat(lines()).noneSatisfy(t -> assertThat(t).contains("say rượu"));
    }

    private List<String> lines() {
        return browser.findElements(By.cssSelector("#thread .msg")).stream().map(WebElement::getText).toList();
    }

    private void write(String text) {
        browser.findElement(By.id("text")).sendKeys(text);
        browser.findElement(By.cssSelector("#composer button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(".msg.hotline")).isEmpty());
    }

    /** Her line as stored, not the page's copy waiting to be sent. */
    private void awaitMine(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(".msg.me:not(.pending)")).stream()
                .anyMatch(m -> m.getText().contains(text)));
    }

    /** A page of another site (localhost and 127.0.0.1 are two sites) with a link to the chat, which she follows. */
    private void followLinkFromAnotherSite(String target) {
        browser.get("http://localhost:" + port + "/login");
        ((JavascriptExecutor) browser).executeScript("""
                var a = document.createElement('a');
                a.href = arguments[0];
                a.textContent = 'Địa chỉ tin cậy';
                document.body.appendChild(a);
                a.click();""", target);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> target.equals(d.getCurrentUrl())
                && !d.findElements(By.id("thread")).isEmpty());
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
