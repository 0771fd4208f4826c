#!/usr/bin/env bash
# Lifecycle benchmark of srun vs runc vs crun (see lifecycle.py). Run as root:
#   integration/bench/lifecycle.sh [--iterations 300] [--cold-iterations 60] [--rss-iterations 20] [--json F]
# crun 1.8 refuses this machine's hybrid cgroup layout (v1 controllers plus cgroup2 at
# /sys/fs/cgroup/unified), so the whole benchmark, all three runtimes alike, runs in a private
# mount namespace (unshare -m --propagation private) where /sys/fs/cgroup/unified is unmounted.
# Builds the release srun if it is missing (or if SRUN_BUILD=1); SRUN=/path/to/srun benchmarks
# another binary and never builds. After the run, checks (in the host's mount namespace too) that
# no cgroup named after the benchmark's container ids is left.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if [[ "${_LIFECYCLE_IN_NS:-}" == 1 ]]; then
    # inside the private mount namespace: drop cgroup2, then measure
    if mountpoint -q /sys/fs/cgroup/unified; then
        umount /sys/fs/cgroup/unified
    fi
    exec python3 "$here/lifecycle.py" "$@"
fi

[[ $(id -u) == 0 ]] || { echo "lifecycle.sh must run as root" >&2; exit 1; }
source "$here/srun-binary.sh"
for tool in runc crun unshare; do
    command -v "$tool" >/dev/null || { echo "$tool not found on PATH" >&2; exit 1; }
done

prefix="lcb$$-"
rc=0
# ^C reaches python (which cleans up and exits 130); this shell only waits for it
trap ':' INT
_LIFECYCLE_IN_NS=1 unshare -m --propagation private "$0" --srun "$SRUN" --id-prefix "$prefix" "$@" || rc=$?
trap - INT

# host view: real cgroups (v1 and the cgroup2 hierarchy at /sys/fs/cgroup/unified) named after our ids
left=$(find /sys/fs/cgroup -type d -name "${prefix}*" 2>/dev/null || true)
if [[ -n "$left" ]]; then
    echo "leftover cgroups (host view):" >&2
    echo "$left" >&2
    if [[ $rc == 0 ]]; then rc=1; fi
else
    echo "- host view: no cgroup named ${prefix}* under /sys/fs/cgroup" >&2
fi
exit "$rc"
