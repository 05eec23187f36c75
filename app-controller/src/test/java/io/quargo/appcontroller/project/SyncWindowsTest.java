package io.quargo.appcontroller.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.project.AppProject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table tests of sync windows and their cron schedules. 2026-11-23 is a Monday. */
class SyncWindowsTest {

  @ParameterizedTest(name = "{0} at {1}: automated {2}, manual {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                                   | 2026-11-23T22:30 | true  | true",
        "deny  0 22 * * *    1h  false guestbook              | 2026-11-23T22:30 | false | false",
        "deny  0 22 * * *    1h  false guestbook              | 2026-11-23T22:00 | false | false",
        "deny  0 22 * * *    1h  false guestbook              | 2026-11-23T23:00 | true  | true",
        "deny  0 22 * * *    1h  false guestbook              | 2026-11-23T21:59 | true  | true",
        "deny  0 22 * * *    1h  true  guestbook              | 2026-11-23T22:30 | false | true",
        "deny  0 22 * * *    1h  false other                  | 2026-11-23T22:30 | true  | true",
        "deny  0 22 * * *    1h  false guest*                 | 2026-11-23T22:30 | false | false",
        "deny  30 23 * * *   1h  false guestbook              | 2026-11-24T00:15 | false | false",
        "deny  */15 * * * *  5m  false guestbook              | 2026-11-23T10:16 | false | false",
        "deny  */15 * * * *  5m  false guestbook              | 2026-11-23T10:21 | true  | true",
        "allow 0 9 * * 1-5   8h  false guestbook              | 2026-11-23T10:00 | true  | true",
        "allow 0 9 * * 1-5   8h  false guestbook              | 2026-11-28T10:00 | false | false",
        "allow 0 9 * * 1-5   8h  false guestbook              | 2026-11-23T17:00 | false | false",
        "allow 0 9 * * 1-5   8h  true  guestbook              | 2026-11-23T17:00 | false | true",
        "allow 0 9 * * 1-5   8h  false other                  | 2026-11-23T17:00 | true  | true",
        "allow 0 9 * * *     8h  false guestbook;deny 0 10 * * * 1h false guestbook | 2026-11-23T10:30 | false | false",
        "allow 0 9 * * *     8h  false guestbook;deny 0 10 * * * 1h false guestbook | 2026-11-23T11:30 | true  | true",
        "deny  0 22 * * *    1h  true  guestbook;deny 0 22 * * * 2h false guestbook | 2026-11-23T22:30 | false | false",
        "deny  0 22 * * *    1h  true  guestbook;deny 0 22 * * * 2h false guestbook | 2026-11-23T23:30 | false | false",
        "deny  0 0 1 * *     24h false guestbook              | 2026-12-01T12:00 | false | false",
        "deny  0 0 1 * *     24h false guestbook              | 2026-12-02T12:00 | true  | true",
      })
  void verdict(String windows, String at, boolean automated, boolean manual) {
    SyncWindows.Verdict verdict = SyncWindows.activeAt(project(windows, null), app(), utc(at));
    assertThat(verdict.automatedAllowed()).as(verdict.reason()).isEqualTo(automated);
    assertThat(verdict.manualAllowed()).as(verdict.reason()).isEqualTo(manual);
    assertThat(verdict.allows(true)).isEqualTo(manual);
    assertThat(verdict.reason().isEmpty()).isEqualTo(automated);
  }

  @Test
  void windowsMatchByNamespaceOrCluster() {
    AppProject byNamespace =
        Json.fromJson(
            "{\"metadata\": {\"name\": \"p\"}, \"spec\": {\"syncWindows\": [{\"kind\": \"deny\","
                + " \"schedule\": \"* * * * *\", \"duration\": \"1h\", \"namespaces\":"
                + " [\"prod-*\"]}, {\"kind\": \"deny\", \"schedule\": \"* * * * *\", \"duration\":"
                + " \"1h\", \"clusters\": [\"https://prod.example.com\"]}]}}",
            AppProject.class);
    Application inProd = app();
    inProd.getSpec().getDestination().setNamespace("prod-eu");
    Application onProdCluster = app();
    onProdCluster.getSpec().getDestination().setServer("https://prod.example.com");
    Instant now = utc("2026-11-23T10:00");
    assertThat(SyncWindows.activeAt(byNamespace, app(), now).automatedAllowed()).isTrue();
    assertThat(SyncWindows.activeAt(byNamespace, inProd, now).automatedAllowed()).isFalse();
    assertThat(SyncWindows.activeAt(byNamespace, onProdCluster, now).automatedAllowed()).isFalse();
  }

  @Test
  void andOperatorNeedsEverySetSelectorToMatch() {
    String window =
        "{\"kind\": \"deny\", \"schedule\": \"* * * * *\", \"duration\": \"1h\","
            + " \"applications\": [\"guestbook\"], \"namespaces\": [\"prod\"]";
    AppProject or =
        Json.fromJson(
            "{\"metadata\": {\"name\": \"p\"}, \"spec\": {\"syncWindows\": [" + window + "}]}}",
            AppProject.class);
    AppProject and =
        Json.fromJson(
            "{\"metadata\": {\"name\": \"p\"}, \"spec\": {\"syncWindows\": ["
                + window
                + ", \"andOperator\": true}]}}",
            AppProject.class);
    Application inProd = app();
    inProd.getSpec().getDestination().setNamespace("prod");
    Instant now = utc("2026-11-23T10:00");
    assertThat(SyncWindows.activeAt(or, app(), now).automatedAllowed()).isFalse();
    assertThat(SyncWindows.activeAt(and, app(), now).automatedAllowed()).isTrue();
    assertThat(SyncWindows.activeAt(and, inProd, now).automatedAllowed()).isFalse();
  }

  @Test
  void timeZoneShiftsTheSchedule() {
    AppProject berlin = project("deny 0 22 * * * 1h false guestbook", "Europe/Berlin");
    // 21:30 UTC is 22:30 in Berlin in November
    assertThat(SyncWindows.activeAt(berlin, app(), utc("2026-11-23T21:30")).automatedAllowed())
        .isFalse();
    assertThat(SyncWindows.activeAt(berlin, app(), utc("2026-11-23T22:30")).automatedAllowed())
        .isTrue();
  }

  @Test
  void denyReasonNamesTheWindow() {
    SyncWindows.Verdict verdict =
        SyncWindows.activeAt(
            project("deny 0 22 * * * 1h false guestbook", null), app(), utc("2026-11-23T22:10"));
    assertThat(verdict.reason())
        .isEqualTo("deny sync window '0 22 * * *' for 1h (manualSync: false) is active");
  }

  @ParameterizedTest(name = "{0} at {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "* * * * *        | 2026-11-23T10:17 | true",
        "17 10 * * *      | 2026-11-23T10:17 | true",
        "17 10 * * *      | 2026-11-23T10:18 | false",
        "0,30 * * * *     | 2026-11-23T10:30 | true",
        "0,30 * * * *     | 2026-11-23T10:31 | false",
        "0 9-17 * * *     | 2026-11-23T17:00 | true",
        "0 9-17 * * *     | 2026-11-23T18:00 | false",
        "0 9-17/4 * * *   | 2026-11-23T13:00 | true",
        "0 9-17/4 * * *   | 2026-11-23T12:00 | false",
        "5/20 * * * *     | 2026-11-23T10:45 | true",
        "5/20 * * * *     | 2026-11-23T10:40 | false",
        "0 0 * * 0        | 2026-11-29T00:00 | true",
        "0 0 * * 7        | 2026-11-29T00:00 | true",
        "0 0 * * 1-5      | 2026-11-29T00:00 | false",
        "0 0 * 12 *       | 2026-12-05T00:00 | true",
        "0 0 * 12 *       | 2026-11-05T00:00 | false",
        "0 0 1 * 1        | 2026-11-23T00:00 | true",
        "0 0 1 * 1        | 2026-12-01T00:00 | true",
        "0 0 1 * 1        | 2026-11-24T00:00 | false",
        "0 0 1 * *        | 2026-11-23T00:00 | false",
      })
  void cron(String expression, String at, boolean fires) {
    assertThat(CronSchedule.parse(expression).matches(utc(at).atZone(ZoneOffset.UTC)))
        .isEqualTo(fires);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 22 * *         | has 4 fields",
        "60 * * * *       | minute field '60'",
        "* 24 * * *       | hour field '24'",
        "* * 0 * *        | day-of-month field '0'",
        "* * * 13 *       | month field '13'",
        "* * * * 8        | day-of-week field '8'",
        "*/0 * * * *      | minute field '*/0'",
        "a * * * *        | minute field 'a'",
        "5-1 * * * *      | minute field '5-1'",
      })
  void badCronNamesTheField(String expression, String message) {
    assertThatThrownBy(() -> CronSchedule.parse(expression))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void badDurationNamesIt() {
    assertThatThrownBy(
            () ->
                SyncWindows.activeAt(
                    project("deny 0 22 * * * 1d false guestbook", null),
                    app(),
                    utc("2026-11-23T22:10")))
        .hasMessageContaining("sync window duration '1d' is not valid");
  }

  @Test
  void validateNamesEveryBadField() {
    AppProject bad =
        Json.fromJson(
            "{\"metadata\": {\"name\": \"p\"}, \"spec\": {\"syncWindows\": [{\"kind\":"
                + " \"deny\", \"schedule\": \"0 22 * * *\", \"duration\": \"1h\"}, {\"kind\":"
                + " \"maybe\", \"schedule\": \"0 22 * *\", \"duration\": \"soon\","
                + " \"timeZone\": \"Mars/Olympus\"}]}}",
            AppProject.class);
    assertThat(SyncWindows.validate(bad))
        .extracting(e -> e.field())
        .containsExactly(
            "spec.syncWindows[1].kind",
            "spec.syncWindows[1].schedule",
            "spec.syncWindows[1].duration",
            "spec.syncWindows[1].timeZone");
  }

  private static AppProject project(String windows, String timeZone) {
    StringBuilder json = new StringBuilder("[");
    for (String w : windows.isEmpty() ? new String[0] : windows.split(";")) {
      String[] p = w.trim().split("\\s+");
      json.append(json.length() > 1 ? "," : "")
          .append("{\"kind\":\"")
          .append(p[0])
          .append("\",\"schedule\":\"")
          .append(String.join(" ", p[1], p[2], p[3], p[4], p[5]))
          .append("\",\"duration\":\"")
          .append(p[6])
          .append("\",\"manualSync\":")
          .append(p[7])
          .append(",\"applications\":[\"")
          .append(p[8])
          .append("\"]")
          .append(timeZone == null ? "" : ",\"timeZone\":\"" + timeZone + "\"")
          .append("}");
    }
    return Json.fromJson(
        "{\"metadata\": {\"name\": \"team-a\"}, \"spec\": {\"syncWindows\": " + json + "]}}",
        AppProject.class);
  }

  private static Application app() {
    return Json.fromJson(
        "{\"metadata\": {\"name\": \"guestbook\"}, \"spec\": {\"source\": {\"repoURL\":"
            + " \"https://git/r\"}, \"destination\": {\"server\":"
            + " \"https://kubernetes.default.svc\", \"namespace\": \"guestbook\"}}}",
        Application.class);
  }

  private static Instant utc(String at) {
    return LocalDateTime.parse(at).toInstant(ZoneOffset.UTC);
  }
}
