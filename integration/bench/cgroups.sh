#!/usr/bin/env bash
# Lifecycle benchmark with cgroup limits: lifecycle.sh (srun vs runc vs crun, interleaved,
# warm and cold medians with ratios, see lifecycle.py) with a resources block in both
# bundles, so create and run include writing a memory limit, CPU shares and a pids limit
# (and the default config's device rules). Issue 6's targets: create and run at most 0.6x
# crun warm and 0.5x cold. Run as root; options pass through to lifecycle.py:
#   integration/bench/cgroups.sh [--iterations 200] [--cold-iterations 60] [--rss-iterations 10]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
resources='{"memory":{"limit":268435456,"swap":268435456},"cpu":{"shares":512},"pids":{"limit":1024}}'
exec "$here/lifecycle.sh" --resources "$resources" "$@"
