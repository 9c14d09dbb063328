#!/usr/bin/env python3
"""Summarise execution samples of one thread (and pagewalk's read-ahead threads, which send and
parse the next page for it): top self frames, top inclusive frames, inclusive time per pagewalk
engine/expr/http area, and each side's time by phase.

  jfr print --json --stack-depth 300 --events jdk.ExecutionSample rec.jfr > samples.json
  python3 bench/jfr-summary.py samples.json [thread-name (default: main)] [top N]

A file ending in .collapsed is read as async-profiler's collapsed stacks instead (one
"root;...;leaf count" line per stack; the thread name is then ignored, and samples of both
sides are counted, which run on the one thread that runs the comparison).
"""
import collections
import json
import sys

path = sys.argv[1]
thread = sys.argv[2] if len(sys.argv) > 2 else "main"
top = int(sys.argv[3]) if len(sys.argv) > 3 else 25

AREAS = [
    ("pagewalk run (Engine.run)", "dev/pagewalk/engine/Engine.run"),
    ("baseline run (Baseline.run)", "dev/pagewalk/bench/Baseline.run"),
    ("  HTTP exchange (ApacheTransport.send)", "dev/pagewalk/http/ApacheTransport.send"),
    ("    body read (CapturingInputStream.finish)", "dev/pagewalk/http/CapturingInputStream.finish"),
    ("  decode (ResponseReader.decode)", "dev/pagewalk/engine/ResponseReader.decode"),
    ("    Jackson readValue", "com/fasterxml/jackson/databind/ObjectMapper.readValue"),
    ("    widenInts (2nd pass over the tree)", "dev/pagewalk/http/ResponseDecoder.widenInts"),
    ("    isBlank check (new String(body))", "java/lang/String.<init>"),
    ("    Link header parse", "dev/pagewalk/http/LinkHeader.parse"),
    ("  records (PageExtractor.extract)", "dev/pagewalk/engine/PageExtractor.extract"),
    ("    response.output (MapTemplate)", "dev/pagewalk/expr/MapTemplate.evaluate"),
    ("    MVEL executeExpression", "org/mvel2/MVEL.executeExpression"),
    ("    MVEL variable resolution", "org/mvel2/integration/impl/ClassImportResolverFactory.getVariableResolver"),
    ("    reflective call (Method.invoke)", "java/lang/reflect/Method.invoke"),
    ("  loop guard (LoopGuard.sameBodyCount, SHA-256 of the body)", "dev/pagewalk/engine/LoopGuard.sameBodyCount"),
    ("  loop guard (LoopGuard.firstTime)", "dev/pagewalk/engine/LoopGuard.firstTime"),
    ("  request building (RequestBuilder.build)", "dev/pagewalk/engine/RequestBuilder.build"),
    ("JSON Lines writing (JsonLinesSink.write, both sides)", "dev/pagewalk/bench/JsonLinesSink.write"),
    ("baseline readTree", "com/fasterxml/jackson/databind/ObjectMapper.readTree"),
    ("    SHA-256 digests (java/security/MessageDigest.digest)", "java/security/MessageDigest.digest"),
    ("reflection lookups (Class.getMethod/getDeclaredMethod/forName)",
     ("java/lang/Class.getMethod", "java/lang/Class.getDeclaredMethod", "java/lang/Class.getMethods",
      "java/lang/Class.forName")),
    ("MVEL (re)compilation: compileExpression, reflective/ASM accessor optimizers",
     ("org/mvel2/MVEL.compileExpression", "org/mvel2/compiler/ExpressionCompiler.compile",
      "org/mvel2/optimizers/impl/refl/ReflectiveAccessorOptimizer.optimizeAccessor",
      "org/mvel2/optimizers/impl/asm/ASMAccessorOptimizer.optimizeAccessor")),
]

# Each sample of either side, put in the first phase whose frame is on its stack, so the two
# sides' columns add up and compare step by step.
SIDES = [("pagewalk", "dev/pagewalk/engine/Engine.run"), ("pagewalk", "dev/pagewalk/engine/ReadAhead.send"),
         ("baseline", "dev/pagewalk/bench/Baseline.run")]
PHASES = [
    ("page rendering (the server's work, --in-memory only)", ("dev/pagewalk/bench/PageServer.render",)),
    ("writing JSON Lines (JsonLinesWriter / ObjectWriter)",
     ("dev/pagewalk/bench/JsonLinesSink.write", "dev/pagewalk/bench/JsonLinesSink.writePagewalk")),
    ("decoding the body (PlainJson.read / readTree)",
     ("dev/pagewalk/http/PlainJson.read", "com/fasterxml/jackson/databind/ObjectMapper.readTree")),
    ("HTTP exchange (ApacheTransport.send / client.execute)",
     ("dev/pagewalk/http/ApacheTransport.send", "org/apache/hc/client5/http/impl/classic/CloseableHttpClient.execute")),
    ("key, iterate, checks (PageExtractor) / projection (Baseline)",
     ("dev/pagewalk/engine/PageExtractor.extract", "dev/pagewalk/bench/Baseline.project")),
    ("output built as each record is delivered (PageRecords.get)", ("dev/pagewalk/engine/PageRecords.get",)),
    ("de-duplication and audit (PageAcceptor.accept)", ("dev/pagewalk/engine/PageAcceptor.accept",)),
    ("request building (RequestBuilder.build)", ("dev/pagewalk/engine/RequestBuilder.build",)),
    ("pagination condition and next request (ChainRunner.condition)", ("dev/pagewalk/engine/ChainRunner.condition",)),
]
phase_counts = collections.Counter()

def samples():
    """(frames leaf first, count) for each sample (JFR) or stack (collapsed) of the thread."""
    if path.endswith(".collapsed"):
        for line in open(path):
            stack, _, count = line.rstrip("\n").rpartition(" ")
            frames = stack.split(";")[::-1]
            if any(f.startswith(side) for _, side in SIDES for f in frames):
                yield frames, int(count)
        return
    for e in json.load(open(path))["recording"]["events"]:
        v = e["values"]
        t = v.get("sampledThread") or {}
        name = t.get("javaName") or t.get("osName") or ""
        if name != thread and not name.startswith("pagewalk-read-ahead-"):
            continue
        frames = [f"{f['method']['type']['name']}.{f['method']['name']}" for f in v["stackTrace"]["frames"]]
        if frames:
            yield frames, 1


# The hot path must not look anything up reflectively or compile: such frames at plan loading,
# before the runs, are expected; inside a run (a side's frame on the stack) they are a defect.
COLD_ONLY = AREAS[-2][1] + AREAS[-1][1]
in_runs = 0
cold_in_runs = 0

self_counts = collections.Counter()
incl = collections.Counter()
total = 0
for frames, n in samples():
    total += n
    self_counts[frames[0]] += n
    fs = set(frames)
    for f in fs:
        incl[f] += n
    for label, frame in AREAS:
        if isinstance(frame, tuple) and any(x in fs for x in frame):
            incl[label] += n
    side = next((name for name, frame in SIDES if frame in fs), None)
    if side:
        in_runs += n
        if any(x in fs for x in COLD_ONLY):
            cold_in_runs += n
        phase = next((label for label, fr in PHASES if any(x in fs for x in fr)), "everything else")
        phase_counts[(side, phase)] += n
        phase_counts[(side, "total")] += n


print(f"{total} samples on thread {thread!r}")
print("\ntop self frames:")
for f, n in self_counts.most_common(top):
    print(f"  {100 * n / total:5.1f}%  {f}")
print("\ntop inclusive frames:")
for f, n in incl.most_common(top * 2):
    print(f"  {100 * n / total:5.1f}%  {f}")

print("\ninclusive time by area:")
for label, frame in AREAS:
    key = label if isinstance(frame, tuple) else frame
    print(f"  {100 * incl[key] / total if total else 0:5.1f}%  {label}")

print(f"\nreflection lookups or MVEL compilation inside runs: {cold_in_runs} of {in_runs} samples")

if phase_counts:
    print("\nper side, by phase (% of all samples; each sample counted once):")
    print(f"  {'phase':66} {'pagewalk':>9} {'baseline':>9}")
    for label in [p for p, _ in PHASES] + ["everything else", "total"]:
        a, b = phase_counts[("pagewalk", label)], phase_counts[("baseline", label)]
        print(f"  {label:66} {100 * a / total:8.1f}% {100 * b / total:8.1f}%")
