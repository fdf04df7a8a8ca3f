#!/usr/bin/env bash
# Builds the SDK snapshots and benchmarks/, runs every benchmark, and writes docs/benchmarks.md and
# docs/benchmarks.svg from the results (benchmarks/target/results/). About 21 minutes on 2 cores.
#
#   benchmarks/run.sh             the full run whose figures docs/benchmarks.md publishes
#   QUICK=1 benchmarks/run.sh     a smoke run of the whole pipeline in ~6 minutes (few iterations: not for publishing)
#   benchmarks/run.sh coldstart   benchmark 5 alone (~3 minutes); prints its figures, writes no docs
#   benchmarks/run.sh fleet       benchmark 6 alone (a fleet sharing a Redis budget, ~4 minutes); rewrites only its
#                                 section of docs/benchmarks.md
#   benchmarks/run.sh events      benchmark 7 alone (10,000 waits finished by webhook events against polling, ~2
#                                 minutes); rewrites only its section of docs/benchmarks.md
#
# Benchmark 6 starts redis-server processes of its own (Debian's redis-server on the PATH: scripts/redis install).
# JAVA_HOME selects the JDK (default: java on the PATH). NICE (default -10) is the niceness the benchmark
# processes run at when the shell may raise priority (root); otherwise they run at normal priority.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
load_start=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
results=benchmarks/target/results
jar=benchmarks/target/benchmarks.jar

nice_level=${NICE:--10}
if [[ "$(nice -n "$nice_level" nice 2>/dev/null)" == "$nice_level" ]]; then
  prio=(nice -n "$nice_level")
else
  prio=()
  nice_level=0
fi

if [[ "${QUICK:-0}" == 1 ]]; then
  jmh=(--rounds 1 --warmup 3 --iterations 3 --time 1)
  cold_runs=3
else
  jmh=(--rounds 4 --warmup 8 --iterations 10 --time 1)
  cold_runs=10
fi

step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

build() {
  mvn -B -q install -DskipTests -pl cli,ratelimit-redis -am &&   # spec, generated client, SDK, sandbox, CLI, Redis limiter snapshots
  mvn -B -q -f benchmarks/pom.xml package -DskipTests
}

fleet() {
  "${prio[@]}" "$java" -cp "$jar" ai.heymilo.benchmarks.FleetRateLimitHarness --calls 1000 --clients 4 --threads 4 \
    --limit 500 --window-ms 10000 --short-window-ms 1000 --max-retries 10 --out "$results/fleet-rate-limit.json"
}

coldstart() {
  # A fresh archive directory: the launcher records its class-data archive during the harness's warm-up runs.
  XDG_CACHE_HOME="$PWD/benchmarks/target/cold-start-cache" "${prio[@]}" "$java" -cp "$jar" ai.heymilo.benchmarks.ColdStartHarness \
    --cli-jar cli/target/heymilo.jar --launcher "$PWD/heymilo" \
    --okhttp-classpath "benchmarks/target/classes:benchmarks/target/okhttp-only/*" --runs "$cold_runs" \
    --out "$results/cold-start.json" > "$results/cold-start.log"
}

events() {
  "${prio[@]}" "$java" -Xmx256m -cp "$jar" ai.heymilo.benchmarks.EventWaitHarness --waits 10000 --report-after-ms 15000 \
    --senders 4 --out "$results/event-waits.json" > "$results/event-waits.log"
}

# For the runs of one section: build (one retry, see below) and keep the other results.
build_for_one_section() {
  step "build"
  build || { echo "build failed; retrying in 60 s" >&2; sleep 60; build; }
  mkdir -p "$results"
}

if [[ "${1:-}" == coldstart ]]; then
  build_for_one_section
  rm -rf benchmarks/target/cold-start-cache
  step "5. cold start"
  coldstart
  cat "$results/cold-start.log"
  exit 0
fi

if [[ "${1:-}" == events ]]; then
  build_for_one_section
  step "7. 10,000 waits finished by webhook events"
  events
  cat > "$results/events-run-info.properties" <<INFO
loadStart=$load_start
loadEnd=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
INFO
  "$java" -cp "$jar" ai.heymilo.benchmarks.EventWaitReport --results "$results" --out docs/benchmarks.md
  echo "run.sh events took $(( $(date +%s) - started )) s"
  exit 0
fi

if [[ "${1:-}" == fleet ]]; then
  command -v redis-server >/dev/null || { echo "benchmark 6 needs redis-server: scripts/redis install" >&2; exit 1; }
  build_for_one_section
  step "6. a fleet sharing one rate limit through Redis"
  fleet
  cat > "$results/fleet-run-info.properties" <<INFO
started=$started
loadStart=$load_start
loadEnd=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
nice=$nice_level
command=benchmarks/run.sh fleet
INFO
  "$java" -cp "$jar" ai.heymilo.benchmarks.FleetReport --results "$results" --out docs/benchmarks.md
  echo "run.sh fleet took $(( $(date +%s) - started )) s"
  exit 0
fi

step "build"
# Other builds on the machine may rewrite the same snapshots mid-build; one retry covers that.
build || { echo "build failed; retrying in 60 s" >&2; sleep 60; build; }
rm -rf "$results"
mkdir -p "$results"

step "1. per-call overhead (JMH)"
"${prio[@]}" "$java" -cp "$jar" ai.heymilo.benchmarks.JmhRounds CallOverheadBenchmark \
  ergonomic,rawRetrofit,plainOkHttpGson,ergonomicAsync,rawRetrofitAsync,interleaved --paired ergonomic:rawRetrofit,ergonomic:plainOkHttpGson \
  "${jmh[@]}" --out "$results/overhead.json"

step "2. decoding (JMH)"
"${prio[@]}" "$java" -cp "$jar" ai.heymilo.benchmarks.JmhRounds DecodeBenchmark \
  gson,moshi,jacksonTree,interleaved --paired gson:jacksonTree,moshi:jacksonTree,gson:moshi \
  "${jmh[@]}" --out "$results/decode.json"

step "3. 10,000 concurrent waits"
# maxConcurrentRequests 2 is the setting that keeps the SDK at 8 threads or fewer; 3 and the default 16 for comparison.
for concurrency in 2 3 16; do
  "${prio[@]}" "$java" -Xmx256m -cp "$jar" ai.heymilo.benchmarks.AsyncWaitHarness --max-concurrent "$concurrency" \
    --initial-delay-ms 200 --max-delay-ms 500 --out "$results/async-wait-$concurrency.json" > "$results/async-wait-$concurrency.log"
  echo "maxConcurrentRequests $concurrency: done"
done

step "4. bulk calls against a rate limit"
"${prio[@]}" "$java" -cp "$jar" ai.heymilo.benchmarks.RateLimitHarness --calls 1000 --concurrency 16 --limit 50 \
  --window-ms 1000 --max-retries 10 --out "$results/rate-limit.json"

step "5. cold start"
coldstart

step "6. a fleet sharing one rate limit through Redis"
fleet
cat > "$results/fleet-run-info.properties" <<INFO
started=$started
loadStart=$load_start
loadEnd=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
nice=$nice_level
command=benchmarks/run.sh
INFO

step "7. 10,000 waits finished by webhook events"
events

step "report"
# Everything the report needs about the run itself, so that it can be rendered again from the results alone.
cat > "$results/run-info.properties" <<INFO
started=$started
finished=$(date +%s)
loadStart=$load_start
loadEnd=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
nice=$nice_level
quick=${QUICK:-0}
INFO
"$java" -cp "$jar" ai.heymilo.benchmarks.ReportWriter --results "$results" --out docs/benchmarks.md \
  --waits async-wait-2.json,async-wait-3.json,async-wait-16.json --notes benchmarks/NOTES.md --command "benchmarks/run.sh"
echo "run.sh took $(( $(date +%s) - started )) s"
