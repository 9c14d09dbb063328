#!/usr/bin/env python3
"""Summarise JFR execution samples of one thread: top self frames, top inclusive frames,
and inclusive time per pagewalk engine/expr/http area.

  jfr print --json --stack-depth 300 --events jdk.ExecutionSample rec.jfr > samples.json
  python3 bench/jfr-summary.py samples.json [thread-name (default: main)] [top N]
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
    ("    body copy (BodyReader.read)", "dev/pagewalk/http/BodyReader.read"),
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

events = json.load(open(path))["recording"]["events"]
self_counts = collections.Counter()
incl = collections.Counter()
total = 0
for e in events:
    v = e["values"]
    t = v.get("sampledThread") or {}
    if (t.get("javaName") or t.get("osName")) != thread:
        continue
    frames = [f"{f['method']['type']['name']}.{f['method']['name']}" for f in v["stackTrace"]["frames"]]
    if not frames:
        continue
    total += 1
    self_counts[frames[0]] += 1
    fs = set(frames)
    for f in fs:
        incl[f] += 1
    for label, frame in AREAS:
        if isinstance(frame, tuple) and any(x in fs for x in frame):
            incl[label] += 1


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
