#!/usr/bin/env bash
# Adds every symbol the build reports as RS0016 ("not part of the declared public API") to
# src/Retention.Metrics/PublicAPI.Unshipped.txt, and removes RS0017 entries (declared but gone).
# Review the diff of PublicAPI.Unshipped.txt before committing: it is the public surface.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
proj="$root/src/Retention.Metrics/Retention.Metrics.csproj"
file="$root/src/Retention.Metrics/PublicAPI.Unshipped.txt"
log=$(mktemp)
dotnet build "$proj" -c Debug --no-incremental -p:TreatWarningsAsErrors=false 2>&1 > "$log" || true
added=$(grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sort -u || true)
removed=$(grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API, but is either not public or could not be found)" "$log" | sort -u || true)
{
  echo '#nullable enable'
  { grep -v '^#nullable enable$' "$file" || true; printf '%s\n' "$added"; } | grep -v '^$' | sort -u |
    if [ -n "$removed" ]; then grep -vxF -f <(printf '%s\n' "$removed"); else cat; fi
} > "$file.tmp"
mv "$file.tmp" "$file"
rm -f "$log"
echo "PublicAPI.Unshipped.txt: $(printf '%s' "$added" | grep -c . || true) added, $(printf '%s' "$removed" | grep -c . || true) removed"
