package vn.kontum.hotline.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A test of the whole hotline through Debian's Chromium at phone width; skipped where Chromium is not installed. */
public abstract class BrowserTest extends HotlineIntegrationTest {

    protected WebDriver browser;

    @BeforeEach
    void openBrowser() {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        browser = Browser.phone();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
