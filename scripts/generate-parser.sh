#!/usr/bin/env bash
# Regenerates the C# parser for src/Language/Ppl.g4 into src/Language/Generated (or into $1).
# Needs Node.js and npm; the generator (antlr-ng) is pinned in tools/antlr/package-lock.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/src/Language/Generated}"
tools="$root/tools/antlr"
if [ ! -x "$tools/node_modules/.bin/antlr-ng" ]; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
rm -rf "$out"
mkdir -p "$out"
(cd "$root/src/Language" && "$tools/node_modules/.bin/antlr-ng" \
  -Dlanguage=CSharp \
  --generate-visitor true \
  --generate-listener false \
  --package Ppl.Language.Generated \
  --exact-output-dir true \
  -o "$out" \
  Ppl.g4)
# The interpreter data files are not used by the C# runtime.
rm -f "$out"/*.interp "$out"/*.tokens
# Only src/Language may see ANTLR types: the generated classes are internal to Ppl.Language
# (and so need no CLSCompliant attribute, which would be warning CS3021).
sed -i -e 's/^public partial class /internal partial class /' -e 's/^public interface /internal interface /' \
  -e '/^\[System.CLSCompliant(false)\]$/d' "$out"/*.cs
