#!/usr/bin/env bash
# Regenerates src/*/PublicAPI.Unshipped.txt from the diagnostics of Microsoft.CodeAnalysis.PublicApiAnalyzers:
#   RS0016  a public symbol is not declared          -> added to PublicAPI.Unshipped.txt
#   RS0017  a declared symbol no longer exists        -> removed from PublicAPI.Unshipped.txt, or, when it was in
#                                                       PublicAPI.Shipped.txt, recorded as "*REMOVED*<symbol>" there
# Run it after a change (or a merge) that changes the public API, review the diff of the PublicAPI files, and commit it.
# Usage: tools/update-public-api.sh [--check] [src/Project ...]   (default: every project under src/ with PublicAPI files)
#   --check  after updating, rebuild once more and fail (exit 1) if any public-API diagnostic remains (for example
#            RS0026/RS0027 on overloads with optional parameters, which need a code change, not a declaration).
# A normal `dotnet build` is the final check anyway: with warnings as errors it fails on any undeclared symbol.
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
if [ "${1:-}" = "--check" ]; then check=true; shift; fi
projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  for dir in src/*/; do
    [ -f "$dir/PublicAPI.Shipped.txt" ] && projects+=("${dir%/}")
  done
fi

relaxed=(-nologo -v q -clp:NoSummary -p:TreatWarningsAsErrors=false -p:WarningsAsErrors=)

diagnostics() {
  # Recompiles the project alone (its references were built below), so that every file is analysed; warnings stay
  # warnings, so the build completes.
  dotnet build "$1" --no-incremental --no-dependencies "${relaxed[@]}" 2>&1 || true
}

# Build the references once (a missing declaration is only a warning here).
for project in "${projects[@]}"; do
  dotnet build "$project" "${relaxed[@]}" >/dev/null 2>&1 || true
done

symbol() { sed -E "s/.*warning $1: Symbol '(.*)' (is not part of the declared|is part of the declared API).*/\2\x01\1/" | cut -d $'\x01' -f2; }

status=0
for project in "${projects[@]}"; do
  shipped="$project/PublicAPI.Shipped.txt"
  unshipped="$project/PublicAPI.Unshipped.txt"
  [ -f "$unshipped" ] || printf '#nullable enable\n' > "$unshipped"
  echo "== $project"

  log=$(diagnostics "$project")
  added=$(grep -E "warning RS0016: " <<<"$log" | symbol RS0016 | LC_ALL=C sort -u || true)
  removed=$(grep -E "warning RS0017: " <<<"$log" | symbol RS0017 | LC_ALL=C sort -u || true)

  body=$(grep -v '^#nullable enable$' "$unshipped" || true)
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    if grep -qxF -- "$line" <<<"$body"; then
      body=$(grep -vxF -- "$line" <<<"$body" || true)
    elif grep -qxF -- "$line" "$shipped"; then
      body+=$'\n'"*REMOVED*$line"
    fi
  done <<<"$removed"
  [ -n "$added" ] && body+=$'\n'"$added"
  { printf '#nullable enable\n'; grep -v '^$' <<<"$body" | LC_ALL=C sort -u || true; } > "$unshipped"
  echo "   $(grep -c . <<<"$added" || true) added, $(grep -c . <<<"$removed" || true) removed"

  # Other public-API diagnostics need a code change: print them.
  other=$(grep -E "warning RS00[0-9][0-9]: " <<<"$log" | grep -vE "warning RS001[67]: " | sed -E 's/ \[.*\]$//' | LC_ALL=C sort -u || true)
  [ -n "$other" ] && { echo "$other"; status=1; }

  if [ "$check" = true ]; then
    left=$(diagnostics "$project" | grep -E "warning RS00[0-9][0-9]: " | sed -E 's/ \[.*\]$//' | LC_ALL=C sort -u || true)
    [ -n "$left" ] && { echo "$left"; status=1; }
  fi
done
exit $status
