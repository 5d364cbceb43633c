#!/usr/bin/env bash
# The sanitizer step of ./dev test: core and its tests (the core/* and fuzz/* tests that need core
# only, CTest label `sanitizer`) built with AddressSanitizer + UndefinedBehaviorSanitizer (the asan
# preset, clang) and run, then a smoke run of every fuzz target (scripts/fuzz.sh, SMOKE_SECONDS
# each, default 10). Exit status 1 when anything failed. READER_BUILD_ROOT=DIR: use DIR, not build/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${READER_BUILD_ROOT:-build}
obj=$build/obj/asan
log=$build/logs/asan.log
jobs=$(nproc 2>/dev/null || echo 2)
mkdir -p "$build/logs"

if [ ! -f "$obj/CMakeCache.txt" ]; then
  cmake --preset asan -B "$obj" -G "Unix Makefiles" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
fi
if ! cmake --build "$obj" --target sanitizer_tests -j"$jobs" >"$log" 2>&1; then
  grep -E 'error' -A3 "$log" | head -40 >&2
  echo "asan build failed; full log: $log" >&2
  exit 1
fi
grep -E 'warning:' "$log" >&2 || true

status=0
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
  ctest --test-dir "$obj" -L sanitizer --output-on-failure -j"$jobs" || status=1
echo "== fuzz smoke run (${SMOKE_SECONDS:-10} s per target)"
scripts/fuzz.sh "${SMOKE_SECONDS:-10}" || status=1
exit $status
