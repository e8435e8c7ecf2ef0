package vn.kontum.hotline.browser;

import java.net.http.HttpClient;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.kontum.hotline.support.Browser;
import vn.kontum.hotline.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The coordinator logs in and reads today's figures: a chart drawn from a webjar, the same numbers in tables. */
class DashboardInBrowserTest extends BrowserTest {

    @Test
    void the_coordinator_sees_the_days_figures_as_a_chart_and_tables() throws Exception {
        HttpClient woman = browser();
        get(woman, "/chat");
        postJson(woman, "/chat/api/messages", "{\"clientMessageId\":\"d1\",\"text\":\"cho em hỏi vay vốn hộ nghèo ở ngân hàng chính sách\"}");
        await().atMost(Duration.ofSeconds(15)).until(() -> get(woman, "/chat/api/messages").body().contains("\"from\":\"hotline\""));

        browser.manage().window().setSize(new Dimension(800, 1400));
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin"));

        browser.get(url("/admin/stats"));
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Chỉ tiêu của Kế hoạch");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Tiết kiệm, vay vốn").contains("Địa chỉ tin cậy có hoạt động");
        Object drawn = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                ((JavascriptExecutor) d).executeScript("return window.Chart && Chart.getChart('by-category') ? true : null"));
        assertThat(drawn).isEqualTo(true);
        // Cases and messages over time: a line per category, drawn from the same webjar.
        Object overTime = ((JavascriptExecutor) browser).executeScript(
                "var c = Chart.getChart('cases-over-time'), m = Chart.getChart('messages-over-time');"
                        + " return c && m ? c.config.type + ' ' + c.data.datasets.length + ' ' + m.data.datasets.length : null");
        assertThat(overTime).isEqualTo("line 5 5");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Trường hợp mở, theo tuần");
        Browser.screenshot(browser, "dashboard.png");
    }
}
