#!/usr/bin/env bash
# Runs the README's "run" command exactly as written there (the line after the marker) and checks it succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=$(awk '/<!-- run-command -->/{getline; getline; print; exit}' README.md)
if [ -z "$cmd" ]; then
  echo "README has no run command after the <!-- run-command --> marker" >&2
  exit 1
fi
echo "+ $cmd"
out=$(mktemp)
eval "$cmd" > "$out"
head -40 "$out"
test -s "$out"
