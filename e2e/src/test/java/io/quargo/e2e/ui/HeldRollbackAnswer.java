package io.quargo.e2e.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Holds the answer of the page's next {@code POST .../rollback} inside the page until {@link
 * #release()}: the order "stream shows the end, then the action's answer arrives" made certain
 * instead of left to timing. Only the page's {@code fetch} is wrapped; the request itself reaches
 * the gateway at once.
 */
final class HeldRollbackAnswer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String INSTALL =
      """
      const original = window.fetch;
      window.__heldRollback = null;
      window.fetch = async (input, init) => {
        const response = await original(input, init);
        if (!String(input).endsWith('/rollback')) return response;
        window.fetch = original;
        const text = await response.text();
        await new Promise((release) => {
          window.__releaseRollback = release;
          window.__heldRollback = text;
        });
        return new Response(text, { status: response.status, headers: response.headers });
      };
      """;

  private final Browser browser;

  private HeldRollbackAnswer(Browser browser) {
    this.browser = browser;
  }

  /** Wraps the page's fetch (until the next page load). */
  static HeldRollbackAnswer install(Browser browser) {
    script(browser, INSTALL);
    return new HeldRollbackAnswer(browser);
  }

  /** Waits until the rollback answered and returns the answer (held from the page). */
  JsonNode awaitAnswer() {
    String text =
        browser.waitFor(
            d -> (String) ((JavascriptExecutor) d).executeScript("return window.__heldRollback"));
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("the rollback answered no JSON: " + text, e);
    }
  }

  /** Lets the page have the answer. */
  void release() {
    script(browser, "window.__releaseRollback();");
  }

  private static Object script(Browser browser, String js) {
    return ((JavascriptExecutor) browser.driver()).executeScript(js);
  }
}
