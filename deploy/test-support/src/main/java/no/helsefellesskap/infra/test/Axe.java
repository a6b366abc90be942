package no.helsefellesskap.infra.test;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Deque's axe-core (the script shipped in {@code com.deque.html.axe-core:selenium}) run in the page as it stands:
 * WCAG 2.1 A and AA and axe's best practices. Each violation comes back as "rule: help (selectors)".
 */
public final class Axe {

    private static final String SCRIPT = load();

    private Axe() {
    }

    public static List<String> violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(SCRIPT);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
                  .then((r) => done(r.violations.map((v) => ({ id: v.id, help: v.help,
                    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }))))
                  .catch((e) => done([{ id: 'axe-error', help: String(e), nodes: [] }]));""");
        return found.stream().map(v -> v.get("id") + ": " + v.get("help") + " " + v.get("nodes")).toList();
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
