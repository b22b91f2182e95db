#!/usr/bin/env bash
# Regenerates the output block and the `run` rows of every examples/*/README.md from the current
# code (tests/Ppl.Cli.Tests/Examples/ExamplesEndToEndTests.cs with PPL_UPDATE_EXAMPLES=1), then
# checks the hand-written rows (closed forms, fixtures, peers), which it never rewrites.
# Review the diff before committing: a changed `run` row means a backend's numbers changed.
# Usage: scripts/update-example-readmes.sh [EXAMPLE,...]   (only these, e.g. coin,blr; default all;
# the others are still checked)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
filter="FullyQualifiedName~ExamplesEndToEndTests.Example_reproduces"
PPL_UPDATE_EXAMPLES="${1:-1}" dotnet test "$root/tests/Ppl.Cli.Tests" -c Release --filter "$filter"
git -C "$root" diff --stat -- 'examples/*/README.md'
