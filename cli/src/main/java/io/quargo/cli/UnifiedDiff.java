package io.quargo.cli;

import java.util.ArrayList;
import java.util.List;

/** A unified diff ({@code diff -u}) of two texts, line by line, with three lines of context. */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** One line of the edit script: {@code ' '} kept, {@code '-'} removed, {@code '+'} added. */
  private record Edit(char op, String line, int oldLine, int newLine) {}

  /** The diff from {@code before} to {@code after}; empty when they are equal. */
  static String diff(String beforeName, String before, String afterName, String after) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Edit> edits = edits(a, b);
    if (edits.stream().allMatch(e -> e.op() == ' ')) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(beforeName).append('\n');
    out.append("+++ ").append(afterName).append('\n');
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op() == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while changes are within 2 * CONTEXT lines of each other
      int lastChange = i;
      while (end < edits.size() && end - lastChange <= 2 * CONTEXT) {
        if (edits.get(end).op() != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(edits.size(), lastChange + CONTEXT + 1);
      appendHunk(out, edits.subList(start, end));
      i = end;
    }
    return out.toString();
  }

  private static void appendHunk(StringBuilder out, List<Edit> hunk) {
    int oldStart = -1;
    int newStart = -1;
    int oldCount = 0;
    int newCount = 0;
    for (Edit edit : hunk) {
      if (edit.op() != '+') {
        oldCount++;
        if (oldStart < 0) {
          oldStart = edit.oldLine();
        }
      }
      if (edit.op() != '-') {
        newCount++;
        if (newStart < 0) {
          newStart = edit.newLine();
        }
      }
    }
    // an empty side is numbered by the line before it, as diff -u does
    oldStart = oldStart < 0 ? hunk.get(0).oldLine() - 1 : oldStart;
    newStart = newStart < 0 ? hunk.get(0).newLine() - 1 : newStart;
    out.append("@@ -")
        .append(range(oldStart, oldCount))
        .append(" +")
        .append(range(newStart, newCount))
        .append(" @@\n");
    for (Edit edit : hunk) {
      out.append(edit.op()).append(edit.line()).append('\n');
    }
  }

  private static String range(int start, int count) {
    return count == 1 ? Integer.toString(start) : start + "," + count;
  }

  /** The shortest edit script by longest common subsequence; line numbers start at 1. */
  private static List<Edit> edits(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            a.get(i).equals(b.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
        i++;
        j++;
      } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
        edits.add(new Edit('-', a.get(i), i + 1, j + 1)); // removals first, as diff -u
        i++;
      } else {
        edits.add(new Edit('+', b.get(j), i + 1, j + 1));
        j++;
      }
    }
    return edits;
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return List.of(trimmed.split("\n", -1));
  }
}
