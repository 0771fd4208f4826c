#!/usr/bin/env bash
# Startup benchmark of srun vs crun vs runc: builds the release binary if it
# is missing (or if SRUN_BUILD=1), then runs startup.py with any arguments
# given here (e.g. --iterations 500 --cold-iterations 100 --json out.json).
# SRUN=/path/to/srun benchmarks another binary and never builds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
if [[ -z "${SRUN:-}" ]]; then
    SRUN="$repo/.build/release/srun"
    if [[ ! -x "$SRUN" || "${SRUN_BUILD:-0}" == 1 ]]; then
        echo "building srun (swift build -c release --product srun)..." >&2
        (cd "$repo" && swift build -c release --product srun >&2)
    elif [[ -n "$(find "$repo/Sources" "$repo/Package.swift" -newer "$SRUN" -type f -print -quit 2>/dev/null)" ]]; then
        echo "note: sources are newer than $SRUN; set SRUN_BUILD=1 to rebuild first" >&2
    fi
fi
for tool in crun runc; do
    command -v "$tool" >/dev/null || echo "note: $tool not on PATH, its rows are skipped" >&2
done
exec python3 "$here/startup.py" --srun "$SRUN" "$@"
