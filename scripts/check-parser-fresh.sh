#!/usr/bin/env bash
# Fails when src/Language/Generated is not what scripts/generate-parser.sh makes from Ppl.g4.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$root/scripts/generate-parser.sh" "$tmp/Generated"
if ! diff -r "$root/src/Language/Generated" "$tmp/Generated" > "$tmp/diff.txt"; then
  echo "error: src/Language/Generated is stale: it differs from what Ppl.g4 generates." >&2
  echo "       run scripts/generate-parser.sh and commit the result." >&2
  head -40 "$tmp/diff.txt" >&2
  exit 1
fi
echo "parser is fresh"
