package dev.pagewalk;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.Slice;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of core as a module: what it exports is the API and nothing else, the API is small and
 * says only what an embedder can use, and the implementation packages form no cycles. Where the
 * code is not there yet, a known list names each gap; an entry that is no longer needed fails the
 * test, so the lists only shrink.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.pagewalk";

  /** The packages the module exports. */
  private static final Set<String> API_PACKAGES =
      Set.of(ROOT, ROOT + ".report", ROOT + ".sink", ROOT + ".spi", ROOT + ".state");

  /** Every public type of the exported packages: adding one is a decision, made here. */
  private static final Set<String> API_TYPES =
      Set.of(
          // loading and running
          "Pagewalk",
          "Plan",
          "Runner",
          "Runner$Builder",
          "Runner$Collected",
          // a connector run: its streams and their walks
          "StreamsResult",
          "StreamsResult$StreamResult",
          "StreamsResult$WalkResult",
          // what a connector run is expected to take, before it is made
          "Estimate",
          "Estimate$Certainty",
          "Estimate$StreamEstimate",
          "Runner$AuthCheck",
          "RunInput",
          "LimitOverrides",
          "Sleeper",
          "SyncMode",
          // what a run returns and tells
          "RunResult",
          "RunStats",
          "RunStats$FaultKind",
          "RunStats$Fault",
          "RunStats$StatusFault",
          "WaitReason",
          "StopReason",
          "StopReason$Kind",
          "OutputRecord",
          "RunListener",
          "RunListener$PageEvent",
          "RunListener$RetryEvent",
          // failures
          "PagewalkException",
          "SpecException",
          "Diagnostic",
          "InputException",
          "HttpFailureException",
          "RunFailureException",
          "CancelledException",
          "ErrorCode",
          // the completeness report a run ends with
          "report.RunReport",
          "report.Check",
          "report.Check$Outcome",
          "report.Check$Kind",
          "report.Verdict",
          // the one-hop transport a platform may plug in
          "spi.Transport",
          "spi.Transport$Response",
          "spi.Transport$Exchange",
          "spi.HttpRequest",
          "spi.Headers",
          "spi.BrokenResponseException",
          "spi.BrokenResponseException$Kind",
          // the sink a platform plugs in, and the JSON Lines one
          "sink.RecordSink",
          "sink.WriteMode",
          "sink.ForwardingSink",
          "sink.JsonLinesSink",
          "sink.KeyListing",
          "sink.Reconciliation",
          // what a sink tells of the records it holds, for a resumed walk that starts over
          "sink.RecordSink$HeldRecords",
          // where a connector run writes its streams with each walk's state
          "sink.WalkSink",
          "sink.WalkSink$RunStart",
          "sink.WalkSink$Spawned",
          "sink.WalkSink$Outcome",
          "sink.WalkSink$Page",
          "sink.WalkSink$SavedWalk",
          "sink.WalkSink$Saved",
          // checkpoints and their store
          "state.Checkpoint",
          "state.Checkpoint$Status",
          "state.NextRequest",
          "state.SyncIdentity",
          "state.CheckpointStore",
          "state.StateLock",
          "state.FileCheckpointStore",
          // where a connection's rotated tokens are kept between runs, and its file form
          "state.TokenStore",
          "state.TokenStore$SavedTokens",
          "state.FileTokenStore");

  /**
   * Pairs of packages that depend on each other, with what closes each cycle. Every one runs
   * through the API package: the entry points (Pagewalk, Runner) call the implementation, and the
   * implementation uses the API's value types and exceptions. Read {@code "a <-> b: a's classes ->
   * b; b's classes -> a"}.
   */
  private static final Set<String> KNOWN_CYCLES =
      Set.of(
          // Runner runs the engine, which builds RunResult and throws the API's exceptions
          "dev.pagewalk <-> dev.pagewalk.engine",
          // Runner runs connectors, whose runs return the Runner's stream and walk results
          "dev.pagewalk <-> dev.pagewalk.connector",
          // Pagewalk compiles plans; the compiler reports Diagnostics in a SpecException
          "dev.pagewalk <-> dev.pagewalk.plan",
          "dev.pagewalk <-> dev.pagewalk.spec",
          // API to API: a result carries its report, the report names the stop reason and code
          "dev.pagewalk <-> dev.pagewalk.report",
          // API to API: the runner takes sinks, sinks take records and results
          "dev.pagewalk <-> dev.pagewalk.sink",
          // API to API: the runner takes a token store; the file store throws the API's exceptions
          "dev.pagewalk <-> dev.pagewalk.state");

  /**
   * API signatures that mention a type the module does not export: an embedder on the module path
   * cannot use such a member. Each is to go, with the fix.
   */
  private static final Set<String> KNOWN_LEAKS = Set.of();

  /**
   * What each package may use of the implementation, as its package-info says (by top-level
   * package: {@code engine} covers {@code engine.*}); every package may use the API packages.
   */
  private static final Map<String, Set<String>> MAY_USE =
      Map.ofEntries(
          Map.entry(ROOT, Set.of("spec", "plan", "engine", "connector", "http", "json")),
          Map.entry("connector", Set.of("engine", "plan", "expr", "json", "audit")),
          Map.entry("sink", Set.of("files", "json")),
          Map.entry("state", Set.of("files", "json")),
          Map.entry("report", Set.of("json")),
          Map.entry("spi", Set.of()),
          Map.entry("engine", Set.of("plan", "expr", "http", "retry", "audit", "json", "auth")),
          Map.entry("auth", Set.of("engine", "plan", "expr", "http", "retry", "json")),
          Map.entry("plan", Set.of("spec", "expr", "http")),
          Map.entry("retry", Set.of("http")),
          Map.entry("audit", Set.of("json")),
          Map.entry("expr", Set.of("spec", "json")),
          Map.entry("files", Set.of()),
          Map.entry("http", Set.of("json")),
          Map.entry("spec", Set.of("json")),
          Map.entry("json", Set.of()));

  /**
   * The page loop's layers: {@code engine} runs the loop and uses its steps; each step may use only
   * the steps listed for it, and none uses the loop.
   */
  private static final Map<String, Set<String>> ENGINE_STEPS_MAY_USE =
      Map.of(
          "engine.start", Set.of("engine.request"),
          "engine.request", Set.of(),
          "engine.page", Set.of("engine.request", "engine.send"),
          "engine.send", Set.of());

  private static final JavaClasses CORE = new ClassFileImporter().importPath(classes());

  @Test
  void exportsTheApiPackagesToEveryoneAndNothingElse() throws IOException {
    ModuleDescriptor module = descriptor();
    assertThat(module.name()).isEqualTo("dev.pagewalk.core");
    assertThat(module.exports())
        .allSatisfy(e -> assertThat(e.isQualified()).as(e.source()).isFalse());
    assertThat(module.exports().stream().map(ModuleDescriptor.Exports::source))
        .containsExactlyInAnyOrderElementsOf(API_PACKAGES);
  }

  @Test
  void theApiIsTheListedTypesAndAtMostFortyThree() {
    Set<String> found =
        CORE.stream()
            .filter(c -> API_PACKAGES.contains(c.getPackageName()) && visible(c))
            .map(ArchitectureTest::shortName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected = new TreeSet<>(API_TYPES);
    assertThat(found)
        .as(
            "public types in exported packages: a new one is an API decision (API_TYPES) or belongs in an internal package")
        .containsExactlyElementsOf(expected);
    long topLevel = API_TYPES.stream().filter(t -> !t.contains("$")).count();
    assertThat(topLevel).as("public top-level types in exported packages").isLessThanOrEqualTo(45);
  }

  @Test
  void implementationPackagesAreFreeOfCycles() {
    slices()
        .matching(ROOT + ".(**)")
        .that(
            DescribedPredicate.describe(
                "are not exported",
                (Slice s) -> s.stream().noneMatch(c -> API_PACKAGES.contains(c.getPackageName()))))
        .should()
        .beFreeOfCycles()
        .check(CORE);
  }

  @Test
  void theOnlyMutualDependenciesAreTheKnownOnes() {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (JavaClass c : CORE) {
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String target = d.getTargetClass().getPackageName();
        if (target.startsWith(ROOT) && !target.equals(c.getPackageName())) {
          uses.computeIfAbsent(c.getPackageName(), k -> new TreeSet<>()).add(target);
        }
      }
    }
    Set<String> mutual = new TreeSet<>();
    uses.forEach(
        (a, targets) ->
            targets.stream()
                .filter(b -> a.compareTo(b) < 0 && uses.getOrDefault(b, Set.of()).contains(a))
                .forEach(b -> mutual.add(a + " <-> " + b)));
    assertThat(mutual)
        .as(
            "package cycles: a new one is to be broken; a known one that is gone is to leave KNOWN_CYCLES")
        .containsExactlyInAnyOrderElementsOf(KNOWN_CYCLES);
  }

  @Test
  void everyPackageUsesOnlyWhatItsPackageInfoSays() {
    Set<String> api = API_PACKAGES.stream().map(ArchitectureTest::area).collect(Collectors.toSet());
    Set<String> undeclared = new TreeSet<>();
    for (JavaClass c : CORE) {
      String from = area(c.getPackageName());
      Set<String> allowed = MAY_USE.get(from);
      if (allowed == null) {
        undeclared.add(
            from + " is a new package: say what it may use here and in its package-info");
        continue;
      }
      c.getDirectDependenciesFromSelf().stream()
          .map(d -> d.getTargetClass().getPackageName())
          .filter(t -> t.startsWith(ROOT))
          .map(ArchitectureTest::area)
          .filter(t -> !t.equals(from) && !api.contains(t) && !allowed.contains(t))
          .forEach(t -> undeclared.add(c.getName() + " -> " + t));
    }
    assertThat(undeclared).isEmpty();
  }

  @Test
  void theEngineUsesItsStepsAndNoStepUsesTheEngine() {
    Set<String> found = new TreeSet<>();
    Set<String> undeclared = new TreeSet<>();
    for (JavaClass c : CORE) {
      String from = c.getPackageName();
      if (!from.startsWith(ROOT + ".engine.")) {
        continue;
      }
      String step = from.substring(ROOT.length() + 1);
      found.add(step);
      Set<String> allowed = ENGINE_STEPS_MAY_USE.getOrDefault(step, Set.of());
      c.getDirectDependenciesFromSelf().stream()
          .map(d -> d.getTargetClass().getPackageName())
          .filter(t -> t.equals(ROOT + ".engine") || t.startsWith(ROOT + ".engine."))
          .map(t -> t.substring(ROOT.length() + 1))
          .filter(t -> !t.equals(step) && !allowed.contains(t))
          .forEach(t -> undeclared.add(c.getName() + " -> " + t));
    }
    assertThat(found).containsExactlyInAnyOrderElementsOf(ENGINE_STEPS_MAY_USE.keySet());
    assertThat(undeclared).isEmpty();
  }

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    Path sources = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(sources.resolve(ROOT.replace('.', '/')))) {
      Set<Path> packages =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .map(Path::getParent)
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(packages)
          .isNotEmpty()
          .allSatisfy(
              dir ->
                  assertThat(dir.resolve("package-info.java"))
                      .as(sources.relativize(dir).toString())
                      .exists());
    }
  }

  @Test
  void apiSignaturesMentionOnlyExportedTypesExceptTheKnownLeaks() {
    Set<String> leaks = new TreeSet<>();
    CORE.stream()
        .filter(c -> API_PACKAGES.contains(c.getPackageName()) && visible(c))
        .forEach(
            c ->
                members(c)
                    .forEach(
                        m ->
                            involvedTypes(m)
                                .filter(
                                    t ->
                                        t.getPackageName().startsWith(ROOT)
                                            && !API_PACKAGES.contains(t.getPackageName()))
                                .forEach(
                                    t ->
                                        leaks.add(
                                            shortName(c)
                                                + "."
                                                + m.getName()
                                                + (m instanceof JavaCodeUnit ? "(..)" : "")
                                                + " -> "
                                                + t.getName()))));
    assertThat(leaks)
        .as(
            "API members mentioning unexported types: a new one is to be fixed; one that is gone is to leave KNOWN_LEAKS")
        .containsExactlyInAnyOrderElementsOf(KNOWN_LEAKS);
  }

  private static Stream<JavaMember> members(JavaClass c) {
    return c.getMembers().stream()
        .filter(
            m ->
                m.getModifiers().contains(JavaModifier.PUBLIC)
                    || m.getModifiers().contains(JavaModifier.PROTECTED)
                        && !c.getModifiers().contains(JavaModifier.FINAL));
  }

  private static Stream<JavaClass> involvedTypes(JavaMember m) {
    Stream<JavaClass> types =
        m instanceof JavaCodeUnit u
            ? Stream.concat(
                u.getParameterTypes().stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()),
                Stream.concat(
                    u.getReturnType().getAllInvolvedRawTypes().stream(),
                    u.getThrowsClause().getTypes().stream()))
            : ((com.tngtech.archunit.core.domain.JavaField) m)
                .getType().getAllInvolvedRawTypes().stream();
    return types;
  }

  /** Public, and every class around it public too. */
  private static boolean visible(JavaClass c) {
    for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
      if (!k.getModifiers().contains(JavaModifier.PUBLIC) || k.isAnonymousClass()) {
        return false;
      }
    }
    return true;
  }

  /** The top-level package below the root ({@code engine} for {@code dev.pagewalk.engine.send}). */
  private static String area(String pkg) {
    if (pkg.equals(ROOT)) {
      return ROOT;
    }
    String rest = pkg.substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static String shortName(JavaClass c) {
    return c.getName().substring(ROOT.length() + 1);
  }

  /** Core's compiled main classes (target/classes). */
  private static Path classes() {
    try {
      return Path.of(Runner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ModuleDescriptor descriptor() throws IOException {
    try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }
}
