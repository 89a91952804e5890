#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# validate-mime.sh UPDATE_MIME_DATABASE MIME_XML
#
# Builds a throw-away MIME database from MIME_XML: update-mime-database
# rejects malformed files; then every type Hearth declares must be in it.
set -eu

update_mime_database=$1
mime_xml=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

mkdir -p "$tmp/mime/packages"
cp "$mime_xml" "$tmp/mime/packages/"

out=$(XDG_DATA_DIRS="$tmp" "$update_mime_database" -V "$tmp/mime" 2>&1) || {
  printf '%s\n' "$out" >&2
  exit 1
}
printf '%s\n' "$out"

# Any warning about our file counts as a failure
if printf '%s\n' "$out" | grep -qi -E 'warning|error|unknown'; then
  echo "validate-mime: update-mime-database complained about $mime_xml" >&2
  exit 1
fi

for type in application/x-roblox-script-profile+json text/x-microprofile-dump \
            text/x-lua-profiler-report text/x-papyrus-profile text/x-folded-stacks; do
  if [ ! -f "$tmp/mime/$type.xml" ]; then
    echo "validate-mime: $type missing from the generated database" >&2
    exit 1
  fi
done
echo "validate-mime: ok"
