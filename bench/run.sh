#!/usr/bin/env bash
# Runs the benchmarks on DynamoDB Local (in-process) and prints the figures; see bench/RESULTS.md.
#   bench/run.sh                      scan, then accrual, with their defaults (a few minutes)
#   bench/run.sh --help               the benchmarks (BenchCli: one subcommand each)
#   bench/run.sh scan [--loans N ...] the overdue-scan benchmark only (bench/run.sh scan --help for the options)
#   bench/run.sh accrual [...]        scan + penalty accrual over consecutive days (accrual --help)
#   bench/run.sh courtesy             what the courtesy reminder costs the scan (exact counts)
# Builds the reactor first when the bench jar is missing or a source is newer than the last build (sources only:
# main source trees, poms, infra/config; never target/). No install to ~/.m2.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

jar="bench/target/collections-bench-1.0.0-SNAPSHOT.jar"
stamp="bench/target/.built-from-sources"
stale() {
  [[ ! -f "$jar" || ! -f "$stamp" ]] && return 0
  [[ -n "$(find functions/*/src/main bench/src/main infra/config -newer "$stamp" -type f -print -quit)" ]] && return 0
  [[ -n "$(find pom.xml functions/*/pom.xml bench/pom.xml -newer "$stamp" -print -quit)" ]]
}
if stale; then
  echo "Building (first run, or sources changed) ..." >&2
  rm -rf bench/target/lib   # copied afresh: no stale version of a dependency beside the new one
  mvn -B -q -o package -DskipTests >&2
  touch "$stamp"
fi

run() {
  java ${BENCH_JAVA_OPTS:--Xss4m -Xmx4g} -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "$jar:bench/target/lib/*" com.overdue.collections.bench.BenchCli "$@"
}

if [[ $# -eq 0 || "$1" == "all" ]]; then
  # Each in its own JVM: a benchmark's figures are not warmed up by the one before.
  run scan
  run accrual
else
  # coldstart starts the functions' own artifacts: build the zips first (make, as sam build does).
  if [[ "$1" == "coldstart" && " $* " != *" --help "* && " $* " != *" -h "* ]]; then
    make -s -C functions/artifacts/inbox lambda-zips >&2
  fi
  run "$@"
fi
