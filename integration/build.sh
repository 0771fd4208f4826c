#!/usr/bin/env bash
# Builds the static release binary: .build/release/srun.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product srun >&2
file .build/release/srun | grep -q 'statically linked' || { echo "srun is not statically linked" >&2; exit 1; }
echo "$PWD/.build/release/srun"
