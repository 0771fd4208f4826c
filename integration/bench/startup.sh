#!/usr/bin/env bash
# Startup benchmark of srun vs crun vs runc: builds the release binary if it
# is missing (or if SRUN_BUILD=1), then runs startup.py with any arguments
# given here (e.g. --iterations 500 --cold-iterations 100 --json out.json).
# SRUN=/path/to/srun benchmarks another binary and never builds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
source "$here/srun-binary.sh"
for tool in crun runc; do
    command -v "$tool" >/dev/null || echo "note: $tool not on PATH, its rows are skipped" >&2
done
exec python3 "$here/startup.py" --srun "$SRUN" "$@"
