package dev.pagewalk.conformance.livedata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of a {@link NestedConfig}, made once and never changed, the same for the same config:
 *
 * <ul>
 *   <li>organisation {@code {"id": 1, "login": "acme"}} (then globex, initech, umbrella, hooli,
 *       stark, wayne, wonka, then {@code org-9}, ...);
 *   <li>repository {@code {"id": 101, "name": "repo-1", "full_name": "acme/repo-1", "owner":
 *       "acme"}}, ids from 101 across all organisations;
 *   <li>issue {@code {"id": 1001, "number": 1, "title": "acme/repo-1 #1", "state": "open",
 *       "comments": 2}}, ids from 1001 across all repositories, numbers from 1 in each, every third
 *       issue closed;
 *   <li>comment {@code {"id": 10001, "issue": 1, "body": "comment 1 on acme/repo-1 #1"}}, ids from
 *       10001;
 *   <li>event {@code {"id": 1, "type": "push", "created_at": "2026-01-01T00:00:00Z", "repo":
 *       "acme/repo-1"}}, types cycling push, issues, fork, watch, repositories cycling.
 * </ul>
 */
final class NestedData {
  private static final List<String> LOGINS =
      List.of("acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka");
  private static final List<String> EVENT_TYPES = List.of("push", "issues", "fork", "watch");

  private final List<Map<String, Object>> orgs = new ArrayList<>();
  private final Map<String, List<Map<String, Object>>> repos = new LinkedHashMap<>();
  private final Map<String, List<Map<String, Object>>> issues = new LinkedHashMap<>();
  private final Map<String, List<Map<String, Object>>> comments = new LinkedHashMap<>();
  private final List<Map<String, Object>> events = new ArrayList<>();

  NestedData(NestedConfig config) {
    int repoIndex = 0;
    int issueIndex = 0;
    long repoId = 100;
    long issueId = 1000;
    long commentId = 10000;
    List<String> fullNames = new ArrayList<>();
    for (int o = 0; o < config.orgs(); o++) {
      String login = o < LOGINS.size() ? LOGINS.get(o) : "org-" + (o + 1);
      orgs.add(record("id", (long) o + 1, "login", login));
      List<Map<String, Object>> own = new ArrayList<>();
      int repoCount = cycled(config.repos(), o);
      for (int r = 1; r <= repoCount; r++) {
        String fullName = login + "/repo-" + r;
        fullNames.add(fullName);
        own.add(record("id", ++repoId, "name", "repo-" + r, "full_name", fullName, "owner", login));
        List<Map<String, Object>> repoIssues = new ArrayList<>();
        int issueCount = cycled(config.issues(), repoIndex++);
        for (int n = 1; n <= issueCount; n++) {
          int commentCount = cycled(config.comments(), issueIndex++);
          String title = fullName + " #" + n;
          repoIssues.add(
              record(
                  "id",
                  ++issueId,
                  "number",
                  (long) n,
                  "title",
                  title,
                  "state",
                  n % 3 == 0 ? "closed" : "open",
                  "comments",
                  (long) commentCount));
          List<Map<String, Object>> issueComments = new ArrayList<>();
          for (int c = 1; c <= commentCount; c++) {
            issueComments.add(
                record(
                    "id", ++commentId, "issue", (long) n, "body", "comment " + c + " on " + title));
          }
          comments.put(fullName + "#" + n, issueComments);
        }
        issues.put(fullName, repoIssues);
      }
      repos.put(login, own);
    }
    NestedConfig.Events feed = config.events();
    for (int i = 0; i < feed.count(); i++) {
      Instant at = feed.from().plus(feed.every().multipliedBy(i));
      events.add(
          record(
              "id",
              (long) i + 1,
              "type",
              EVENT_TYPES.get(i % EVENT_TYPES.size()),
              "created_at",
              at.toString(),
              "repo",
              fullNames.isEmpty() ? null : fullNames.get(i % fullNames.size())));
    }
  }

  List<Map<String, Object>> orgs() {
    return orgs;
  }

  /** The organisation's repositories; null for an unknown organisation. */
  List<Map<String, Object>> repos(String org) {
    return repos.get(org);
  }

  /** The repository's issues; null for an unknown repository. */
  List<Map<String, Object>> issues(String fullName) {
    return issues.get(fullName);
  }

  /** The issue's comments; null for an unknown issue. */
  List<Map<String, Object>> comments(String fullName, String number) {
    return comments.get(fullName + "#" + number);
  }

  /** Every event, oldest first. */
  List<Map<String, Object>> events() {
    return events;
  }

  private static int cycled(List<Integer> sizes, int index) {
    return sizes.get(index % sizes.size());
  }

  private static Map<String, Object> record(Object... pairs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(out);
  }
}
