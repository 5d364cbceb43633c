#!/usr/bin/env bash
# Fuzzing (docs/fuzzing.md). Builds the fuzz preset (libFuzzer, core under ASan + UBSan) and runs
# each target for SECONDS (default 60) from its seeds, tests/fuzz/corpus/<target>/, into a scratch
# corpus that grows from run to run, build/fuzz/corpus/<target>/. Prints per target the seconds,
# executions, executions per second and crashes found; a crashing input is saved under
# build/fuzz/crashes/<target>/ (make it a regression input: tests/fuzz/regressions/<target>/).
# Exit status 1 when a target found a crash.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (READER_BUILD_ROOT=DIR: use DIR instead of build/)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
if [ $# -gt 0 ]; then shift; fi
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2; }
build=${READER_BUILD_ROOT:-build}
obj=$build/obj/fuzz
log=$build/logs/fuzz.log
mkdir -p "$build/logs"

if [ ! -f "$obj/CMakeCache.txt" ]; then
  cmake --preset fuzz -B "$obj" -G "Unix Makefiles" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
fi
if ! cmake --build "$obj" --target fuzz_targets -j"$(nproc 2>/dev/null || echo 2)" >"$log" 2>&1; then
  grep -E 'error' -A3 "$log" | head -40 >&2
  echo "fuzz build failed; full log: $log" >&2
  exit 1
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for binary in "$obj"/fuzz-bin/fuzz_*; do targets+=("${binary##*/fuzz_}"); done
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
status=0
printf '%-14s %8s %12s %8s %8s\n' target seconds executions exec/s crashes
for target in "${targets[@]}"; do
  corpus=$build/fuzz/corpus/$target
  crashes=$build/fuzz/crashes/$target
  output=$build/fuzz/$target.log
  mkdir -p "$corpus" "$crashes"
  options=(-max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048
           -artifact_prefix="$crashes/")
  [ -f "tests/fuzz/$target.dict" ] && options+=(-dict="tests/fuzz/$target.dict")
  before=$(find "$crashes" -type f | wc -l)
  start=$(date +%s)
  "$obj/fuzz-bin/fuzz_$target" "${options[@]}" "$corpus" "tests/fuzz/corpus/$target" >"$output" 2>&1 || true
  elapsed=$(($(date +%s) - start))
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$output")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$output")
  found=$(($(find "$crashes" -type f | wc -l) - before))
  printf '%-14s %8s %12s %8s %8s\n' "$target" "$elapsed" "${executions:-?}" "${rate:-?}" "$found"
  if [ "$found" -gt 0 ] || [ -z "$executions" ]; then
    status=1
    find "$crashes" -type f -newermt "@$start" | sed 's/^/  crash: /'
    echo "  log: $output"
  fi
done
exit $status
