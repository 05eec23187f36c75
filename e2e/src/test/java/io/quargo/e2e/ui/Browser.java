package io.quargo.e2e.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through chromedriver, with a fresh profile, and the waits the
 * UI tests use (by {@code data-testid}, always explicit waits, never sleeps).
 */
public final class Browser implements AutoCloseable {
  /** Debian's browser and driver (apt-get install chromium chromium-driver). */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** How long a UI change may take: a sync goes through Kafka, app-controller and the cluster. */
  public static final Duration PATIENCE = Duration.ofSeconds(90);

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Whether Chromium and chromedriver are installed. */
  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Starts a headless browser with a new profile under {@code target/}. */
  public static Browser start(Path workDir) {
    try {
      Files.createDirectories(workDir);
      Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1440,1000",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .build();
      return new Browser(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a browser profile", e);
    }
  }

  /** The Selenium driver, for what the helpers here do not cover. */
  public WebDriver driver() {
    return driver;
  }

  /** Opens a URL. */
  public void open(String url) {
    driver.get(url);
  }

  /** A CSS selector for a {@code data-testid}. */
  public static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  /** Waits until the element is visible and returns it. */
  public WebElement visible(By by) {
    return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits until the element can be clicked, then clicks it. */
  public void click(By by) {
    waitFor(ExpectedConditions.elementToBeClickable(by)).click();
  }

  /** Waits for a visible input, clears it and types. */
  public void type(By by, String text) {
    WebElement input = visible(by);
    input.clear();
    input.sendKeys(text);
  }

  /**
   * Waits until {@code by}'s {@code data-status} is {@code status} (the status badges carry it).
   */
  public void statusIs(By by, String status) {
    waitFor(ExpectedConditions.attributeToBe(by, "data-status", status));
  }

  /** The elements found now (no wait). */
  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /** Waits for a condition with the standard patience. */
  public <T> T waitFor(Function<? super WebDriver, T> condition) {
    // live updates re-render the page: an element found a moment ago may be replaced
    return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(200))
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** Saves a screenshot (PNG) and the page source next to it; returns the PNG's path. */
  public Path saveScreenshot(Path dir, String name) {
    try {
      Files.createDirectories(dir);
      Path png = dir.resolve(name + ".png");
      Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
      return png;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save a screenshot in " + dir, e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // a leftover profile file in target/ does no harm
                }
              });
    } catch (IOException ignored) {
      // nothing to delete
    }
  }
}
