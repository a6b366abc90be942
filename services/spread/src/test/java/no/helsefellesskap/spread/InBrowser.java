package no.helsefellesskap.spread;

import io.quarkus.test.common.http.TestHTTPResource;
import no.helsefellesskap.infra.test.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

/**
 * A browser test's Debian headless Chromium, one per test, against the running service; {@link #loaded()} waits for
 * a page to say it has its data. A page re-renders when an event arrives, so an element read mid-render is read again.
 */
abstract class InBrowser {

    @TestHTTPResource("/")
    URL base;

    WebDriver browser;
    FluentWait<WebDriver> wait;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    void loaded() {
        wait.until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }
}
