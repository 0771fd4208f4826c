#!/usr/bin/env bash
# What the CVE-2019-5736 defence costs: `srun run` of /bin/true with srun on a writable
# filesystem (create re-executes itself from a detached read-only bind mount of its binary)
# against the same binary on a read-only mount (no re-exec), interleaved. Run as root:
#   integration/bench/seal.sh [--iterations 300] [--rss-iterations 20]
# Everything happens in a private mount namespace; nothing is left behind.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if [[ "${_SEAL_IN_NS:-}" == 1 ]]; then
    work=$1; shift
    mkdir "$work/ro"
    cp "$SRUN" "$work/ro/srun"
    mount --bind "$work/ro" "$work/ro"
    mount -o remount,bind,ro "$work/ro"
    cp "$SRUN" "$work/srun"
    exec python3 "$here/seal.py" --work "$work" "$@"
fi

[[ $(id -u) == 0 ]] || { echo "seal.sh must run as root" >&2; exit 1; }
source "$here/srun-binary.sh"
work=$(mktemp -d /tmp/srun-seal.XXXXXX)
trap 'rm -rf "$work"' EXIT
SRUN=$SRUN "$repo/integration/make-bundle.sh" "$work/bundle" /bin/true >/dev/null
# Leave the mount namespace and the cgroups as runc's spec has them; only the binary differs.
SRUN=$SRUN _SEAL_IN_NS=1 unshare -m --propagation private "$0" "$work" "$@"
