/**
 * Reading a response and accepting it as a page:
 *
 * <pre>
 * Exchange ──▶ ResponseReader.decode/expose   body, headers, status and links made visible to
 *   │                                          expressions; {@code valid} and the status checked
 *   ▼
 * PageExtractor.extract ──▶ Page              iterate, iterate.condition, output, key
 *   │   (KeyProbe, PageRecords, Decoded)
 *   ▼
 * PageAcceptor.accept ──▶ Accepted            declared order (CursorValues), incremental boundary,
 *   │   (KeySet)                               keys already delivered, evidence for the auditor
 *   ▼
 * LoopGuard / Repeats                          a request sent twice, the same body, empty pages
 * </pre>
 *
 * <p>A page that cannot be read ends the run with a {@link dev.pagewalk.engine.page.RunStop}.
 *
 * <p>Depends on: {@code engine.request} (the run state, the built request), {@code engine.send}
 * (the status rules), {@code plan}, {@code expr}, {@code http}, {@code audit}, {@code json}, and
 * the API. Never on {@code engine} or {@code engine.start}.
 */
package dev.pagewalk.engine.page;
