package vn.kontum.hotline.browser;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.support.BrowserTest;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officer's pages follow what happens without a reload: with the inbox open, a woman writes on Telegram and
 * her case is in the list within seconds (the pages poll only every 60 s, and only while their live stream is
 * down); an urgent one sounds the alarm; an open case page shows her next message.
 */
class LiveConsoleInBrowserTest extends BrowserTest {

    /** Well before the fallback poll (60 s), and the page does not poll at all while its stream is open. */
    private static final Duration LIVE = Duration.ofSeconds(10);

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void officer() {
        Officers.ensure(accounts, encoder, jdbc, "browser-live", "pw-browser-live", "Chị Y Blin", Officers.WOMENS_UNION);
    }

    @Test
    void a_new_case_appears_in_the_open_inbox_within_seconds_and_an_urgent_one_sounds_the_alarm() {
        logIn();
        countBeeps();
        browser.findElement(By.id("sound-on")).click();
        awaitStreamOpen();
        js("window.notReloaded = true");

        long started = System.nanoTime();
        long caseId = telegramCase(780_101, "Hoa", "chồng em hay chửi mắng em, em buồn lắm");
        WebElement row = new WebDriverWait(browser, LIVE).until(d -> d.findElements(By.cssSelector("li[data-case-id='" + caseId + "']"))
                .stream().findFirst().orElse(null));
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println("live inbox: case " + caseId + " listed " + millis + " ms after her message was sent");
        assertThat(row.getText()).contains("#" + caseId).contains("Telegram");
        assertThat(millis).as("milliseconds from her message to the inbox").isLessThan(LIVE.toMillis());
        assertThat(browser.findElement(By.id("urgent-alert")).isDisplayed()).isFalse();
        assertThat(js("return window.notReloaded === true")).isEqualTo(true);

        long urgent = telegramCase(780_102, "Mai", "cứu em với, chồng em đang cầm dao đòi giết em");
        new WebDriverWait(browser, LIVE).until(d -> d.findElement(By.id("urgent-alert")).isDisplayed());
        new WebDriverWait(browser, LIVE).until(d -> !d.findElements(By.cssSelector("li[data-case-id='" + urgent + "'][data-urgent='true']")).isEmpty());
        assertThat(js("return window.beeps")).isEqualTo(3L);
        assertThat(js("return window.notReloaded === true")).isEqualTo(true);
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-live")).isEqualTo("open");
    }

    @Test
    void an_open_case_page_shows_her_next_message_without_reload() {
        long caseId = telegramCase(780_103, "Lan", "chồng em đánh em hôm qua");
        logIn();
        browser.get(url("/admin/cases/" + caseId));
        awaitStreamOpen();
        js("window.notReloaded = true");

        TELEGRAM.userWrites(780_103, "Lan", "em đang ở nhà mẹ đẻ");
        WebElement second = new WebDriverWait(browser, LIVE).until(d -> d.findElements(By.cssSelector("#thread .msg.in .body")).stream()
                .filter(e -> e.getText().equals("em đang ở nhà mẹ đẻ")).findFirst().orElse(null));
        assertThat(second.isDisplayed()).isTrue();
        assertThat(js("return window.notReloaded === true")).isEqualTo(true);
    }

    private void logIn() {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("browser-live");
        browser.findElement(By.id("password")).sendKeys("pw-browser-live");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait(d -> d.getCurrentUrl().endsWith("/admin") ? Boolean.TRUE : null);
    }

    private void awaitStreamOpen() {
        wait(d -> "open".equals(d.findElement(By.tagName("body")).getAttribute("data-live")) ? Boolean.TRUE : null);
    }

    /** Headless Chromium has no speakers: the page's Web Audio is replaced by one that counts the beeps it starts. */
    private void countBeeps() {
        js("""
                window.beeps = 0;
                function FakeAudio() { this.currentTime = 0; this.destination = {}; }
                FakeAudio.prototype.createOscillator = function () {
                  return { frequency: {}, connect: function () {}, start: function () { window.beeps++; }, stop: function () {} };
                };
                FakeAudio.prototype.createGain = function () { return { gain: {}, connect: function () {} }; };
                FakeAudio.prototype.resume = function () {};
                window.AudioContext = FakeAudio;
                window.webkitAudioContext = FakeAudio;""");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private <T> T wait(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
    }
}
