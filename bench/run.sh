#!/usr/bin/env bash
# Runs the benchmarks on DynamoDB Local (in-process) and prints the figures; see bench/RESULTS.md.
#   bench/run.sh                      every benchmark with its defaults (a few minutes)
#   bench/run.sh scan [--loans N ...] the overdue-scan benchmark only (ScanBenchmark --help for the options)
#   bench/run.sh accrual [...]        scan + penalty accrual over consecutive days (AccrualBenchmark --help)
# Builds the reactor first when the bench jar is missing or older than a source file (no install to ~/.m2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

jar="bench/target/collections-bench-1.0.0-SNAPSHOT.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find functions bench/src bench/pom.xml pom.xml infra/config -newer "$jar" -type f \
      \( -name '*.java' -o -name '*.json' -o -name '*.properties' -o -name 'pom.xml' \) -print -quit)" ]]; then
  echo "Building (first run, or sources changed) ..." >&2
  mvn -B -q -o package -DskipTests >&2
fi

run() {
  local main="$1"; shift
  java ${BENCH_JAVA_OPTS:--Xss4m -Xmx4g} -cp "$jar:bench/target/lib/*" "com.overdue.collections.bench.$main" "$@"
}

what="${1:-all}"
case "$what" in
  scan) shift; run ScanBenchmark "$@" ;;
  accrual) shift; run AccrualBenchmark "$@" ;;
  courtesy) shift; run CourtesyBenchmark "$@" ;;
  coldstart) shift; make -s -C functions/artifacts/inbox lambda-zips >&2; run ColdStartBenchmark "$@" ;;
  all) shift || true; run ScanBenchmark "$@"; run AccrualBenchmark ;;
  -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) run ScanBenchmark "$@" ;;
esac
