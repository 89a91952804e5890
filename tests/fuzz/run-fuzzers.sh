#!/bin/sh
# run-fuzzers.sh
#
# Copyright 2026 The Hearth authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Hearth's fuzz targets with clang + libFuzzer (ASan + UBSan) in
# _build-fuzz and runs each for ${FUZZ_SECONDS:-30} seconds over a scratch
# copy of its seed corpus (tests/fuzz/corpus/<target>/ plus tests/data/).
# Exits non-zero when a target crashes, leaks or times out; crash inputs are
# kept in _build-fuzz/fuzz-artifacts/<target>/ (copy them into the target's
# corpus once fixed, so the regular test suite replays them). A dictionary
# tests/fuzz/<target>.dict is used when present.
#
# Usage: tests/fuzz/run-fuzzers.sh [TARGET...]   (default: every fuzz-*.c)
# Environment: FUZZ_SECONDS, FUZZ_BUILDDIR, FUZZ_JOBS (parallel builds, 2),
#              FUZZ_ARGS (extra libFuzzer options)

set -eu

srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=${FUZZ_BUILDDIR:-$srcdir/_build-fuzz}
seconds=${FUZZ_SECONDS:-30}
jobs=${FUZZ_JOBS:-2}

if ! command -v clang >/dev/null 2>&1; then
  echo "run-fuzzers: clang not found; libFuzzer needs clang (skipping)" >&2
  exit 77
fi

if [ $# -gt 0 ]; then
  targets="$*"
else
  targets=$(cd "$srcdir/tests/fuzz" && ls fuzz-*.c | grep -v '^fuzz-main\.c$' | sed 's/\.c$//')
fi

if [ ! -f "$builddir/build.ninja" ]; then
  # fuzzer-no-link instruments every library for coverage; the targets
  # themselves link with -fsanitize=fuzzer (tests/meson.build)
  CC=clang meson setup "$builddir" "$srcdir" \
    -Dfuzzing=true \
    -Db_sanitize=address,undefined \
    -Db_lundef=false \
    -Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined' \
    --buildtype=debugoptimized
else
  # an older build dir may predate targets added since: refresh its list
  meson setup --reconfigure "$builddir" "$srcdir" >/dev/null
fi

for t in $targets; do
  meson compile -C "$builddir" -j "$jobs" "tests/$t"
done

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$srcdir/tests/lsan.supp}"
export LC_ALL=C.UTF-8

failed=""
for t in $targets; do
  work=$(mktemp -d "${TMPDIR:-/tmp}/hearth-$t-XXXXXX")
  artifacts="$builddir/fuzz-artifacts/$t"
  mkdir -p "$artifacts"

  # libFuzzer adds new inputs to the first corpus directory: a scratch copy
  # keeps the source tree clean
  if [ -d "$srcdir/tests/fuzz/corpus/$t" ]; then
    cp -R "$srcdir/tests/fuzz/corpus/$t/." "$work/"
  fi
  cp -R "$srcdir/tests/data/." "$work/"

  dict=""
  if [ -f "$srcdir/tests/fuzz/$t.dict" ]; then
    dict="-dict=$srcdir/tests/fuzz/$t.dict"
  fi

  echo "run-fuzzers: $t for ${seconds}s (corpus $work)"
  # shellcheck disable=SC2086
  if "$builddir/tests/$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
       -max_len=1048576 -print_final_stats=1 -artifact_prefix="$artifacts/" \
       $dict ${FUZZ_ARGS:-} "$work"; then
    echo "run-fuzzers: $t: no crash"
  else
    echo "run-fuzzers: $t FAILED; inputs in $artifacts/" >&2
    failed="$failed $t"
  fi
  rm -rf "$work"
done

if [ -n "$failed" ]; then
  echo "run-fuzzers: failed:$failed" >&2
  exit 1
fi
