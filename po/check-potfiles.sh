#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-potfiles.sh POTFILES.in SOURCE_ROOT
#
# Fails, listing them, when
#  * entries of POTFILES.in do not exist (xgettext stops at the first one),
#  * entries are not sorted,
#  * a file under src/ or ui/ marks strings for translation (_(", N_(", C_(",
#    translatable="yes") but is neither in POTFILES.in nor in POTFILES.skip.
set -eu

potfiles=$1
srcroot=$2
skip=$(dirname "$potfiles")/POTFILES.skip
status=0

entries=$(grep -v -e '^#' -e '^[[:space:]]*$' "$potfiles")
skipped=""
if [ -f "$skip" ]; then
  skipped=$(grep -v -e '^#' -e '^[[:space:]]*$' "$skip" || true)
fi

for entry in $entries; do
  if [ ! -f "$srcroot/$entry" ]; then
    echo "POTFILES.in: $entry: no such file" >&2
    status=1
  fi
done

if ! printf '%s\n' "$entries" | LC_ALL=C sort -c 2>/dev/null; then
  echo "POTFILES.in: entries are not sorted (LC_ALL=C sort)" >&2
  status=1
fi

translatable=$(cd "$srcroot" &&
               { grep -l -r -E '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)\(|translatable="(yes|true)"' \
                   --include='*.c' --include='*.ui' src ui 2>/dev/null || true; } |
               LC_ALL=C sort)
for file in $translatable; do
  if ! printf '%s\n' "$entries" "$skipped" | grep -qx "$file"; then
    echo "POTFILES.in: $file has translatable strings but is not listed" >&2
    status=1
  fi
done

if [ "$status" -eq 0 ]; then
  echo "POTFILES.in: $(printf '%s\n' "$entries" | wc -l) entries, all present and sorted"
fi
exit "$status"
