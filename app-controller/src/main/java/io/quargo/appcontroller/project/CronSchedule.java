package io.quargo.appcontroller.project;

import java.time.ZonedDateTime;
import java.util.BitSet;

/**
 * A standard 5-field cron expression (minute hour day-of-month month day-of-week) with {@code *},
 * lists, ranges and steps, as Argo CD's sync windows write it; day-of-week 0 and 7 are Sunday. As
 * in cron, when both day fields are restricted a day matches either.
 */
public final class CronSchedule {

  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet days;
  private final BitSet months;
  private final BitSet weekdays;
  private final boolean anyDay;
  private final boolean anyWeekday;

  private CronSchedule(String expression, String[] f) {
    minutes = field(expression, f[0], "minute", 0, 59);
    hours = field(expression, f[1], "hour", 0, 23);
    days = field(expression, f[2], "day-of-month", 1, 31);
    months = field(expression, f[3], "month", 1, 12);
    weekdays = field(expression, f[4], "day-of-week", 0, 7);
    if (weekdays.get(7)) {
      weekdays.set(0);
    }
    anyDay = f[2].startsWith("*");
    anyWeekday = f[4].startsWith("*");
  }

  /** Parses the expression; an error names the field and what is wrong with it. */
  public static CronSchedule parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException(
          "schedule is empty: write a 5-field cron like '0 22 * * *'");
    }
    String[] f = expression.trim().split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException(
          "schedule '"
              + expression
              + "' has "
              + f.length
              + " fields; write 5: minute hour day-of-month month day-of-week");
    }
    return new CronSchedule(expression, f);
  }

  /** Whether the schedule fires in the minute of {@code time} (seconds ignored). */
  public boolean matches(ZonedDateTime time) {
    if (!minutes.get(time.getMinute())
        || !hours.get(time.getHour())
        || !months.get(time.getMonthValue())) {
      return false;
    }
    boolean day = days.get(time.getDayOfMonth());
    boolean weekday = weekdays.get(time.getDayOfWeek().getValue() % 7);
    if (anyDay || anyWeekday) {
      return day && weekday;
    }
    return day || weekday;
  }

  private static BitSet field(String expression, String text, String name, int min, int max) {
    BitSet bits = new BitSet(max + 1);
    for (String part : text.split(",")) {
      try {
        int step = 1;
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
          step = Integer.parseInt(part.substring(slash + 1));
          range = part.substring(0, slash);
        }
        int from;
        int to;
        if (range.equals("*")) {
          from = min;
          to = max;
        } else if (range.contains("-")) {
          String[] ends = range.split("-", 2);
          from = Integer.parseInt(ends[0]);
          to = Integer.parseInt(ends[1]);
        } else {
          from = Integer.parseInt(range);
          to = slash >= 0 ? max : from;
        }
        if (step < 1 || from < min || to > max || from > to) {
          throw new NumberFormatException();
        }
        for (int v = from; v <= to; v += step) {
          bits.set(v);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "schedule '"
                + expression
                + "': "
                + name
                + " field '"
                + text
                + "' is not valid; use *, numbers "
                + min
                + "-"
                + max
                + ", lists (a,b), ranges (a-b) and steps (*/n)");
      }
    }
    return bits;
  }
}
