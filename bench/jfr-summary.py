#!/usr/bin/env python3
"""Summarise JFR execution samples of one thread: top self frames, top inclusive frames,
and inclusive time per pagewalk engine/expr/http area.

  jfr print --json --events jdk.ExecutionSample rec.jfr > samples.json
  python3 bench/jfr-summary.py samples.json [thread-name (default: main)] [top N]
"""
import collections
import json
import sys

path = sys.argv[1]
thread = sys.argv[2] if len(sys.argv) > 2 else "main"
top = int(sys.argv[3]) if len(sys.argv) > 3 else 25

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
    for f in set(frames):
        incl[f] += 1

print(f"{total} samples on thread {thread!r}")
print("\ntop self frames:")
for f, n in self_counts.most_common(top):
    print(f"  {100 * n / total:5.1f}%  {f}")
print("\ntop inclusive frames:")
for f, n in incl.most_common(top * 2):
    print(f"  {100 * n / total:5.1f}%  {f}")
