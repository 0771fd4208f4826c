#!/usr/bin/env bash
# Regenerates Sources/srun/symbol-order.txt: every function srun runs on its common paths,
# which the linker places side by side. A static binary's code is paged in 64 KiB windows
# around each first touch, so scattered hot code costs resident memory on every call;
# clustered, `srun --version` drops from about 4.3 to 3.0 MB peak RSS. Run it after big
# changes; symbols it no longer finds are ignored by the linker.
set -euo pipefail
cd "$(dirname "$0")/../.."
# In a mount namespace of its own, so that the profiled copy can sit on a read-only bind mount
# (below) without leaving a mount on the host.
if [[ "${_ORDER_IN_NS:-}" != 1 ]]; then
    _ORDER_IN_NS=1 exec unshare -m --propagation private "$0" "$@"
fi
command -v valgrind >/dev/null || { apt-get install -y -qq valgrind >/dev/null; }
SRUN=$(integration/build.sh)
work=$(mktemp -d /tmp/srun-order.XXXXXX)
trap 'umount "$work/srun" 2>/dev/null; rm -rf "$work"' EXIT
# valgrind 3.19 gives up on the toolchain's DWARF 5 debug info; the symbol table is enough.
strip --strip-debug -o "$work/srun" "$SRUN"
SRUN=$work/srun
# create and run re-execute srun from a read-only copy of itself (CVE-2019-5736), which
# valgrind cannot follow; a binary that already is on a read-only mount runs straight on.
mount --bind "$SRUN" "$SRUN"
mount -o remount,bind,ro "$SRUN"

profile() { valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/cg.$1" "${@:2}" >/dev/null 2>&1 || true; }
mkdir -p "$work/bundle/rootfs" "$work/root"
cp spec-fixtures/valid/docker-default-seccomp.json "$work/bundle/config.json"
profile version "$SRUN" --version
profile features "$SRUN" features
profile help "$SRUN" --help
profile spec "$SRUN" spec --bundle "$work"
# Parsing only: this bundle has no rootfs, so create stops after validating.
profile parse "$SRUN" --root "$work/root" --log "$work/log" --log-format json create --bundle "$work/bundle" order-id

# The lifecycle of a real container. valgrind has no clone3 or pidfd_open: srun's create
# is profiled up to the clone, and the other commands take their no-pidfd path, which
# shares almost all of its code with the pidfd one.
SRUN=$SRUN integration/make-bundle.sh "$work/busybox" sleep 100 >/dev/null
# Limits as managers send them, so that writing them is on the common path too.
jq '.linux.resources += {"memory":{"limit":268435456,"swap":268435456},"cpu":{"shares":512},"pids":{"limit":1024}}' \
  "$work/busybox/config.json" >"$work/busybox/config.json.new" && mv "$work/busybox/config.json.new" "$work/busybox/config.json"
profile create "$SRUN" --root "$work/root" create --bundle "$work/busybox" order-probe
"$SRUN" --root "$work/root" create --bundle "$work/busybox" order-live
profile state "$SRUN" --root "$work/root" state order-live
profile list "$SRUN" --root "$work/root" list
profile start "$SRUN" --root "$work/root" start order-live
profile kill "$SRUN" --root "$work/root" kill order-live KILL
sleep 0.2
profile delete "$SRUN" --root "$work/root" delete order-live
"$SRUN" --root "$work/root" delete --force order-live

# callgrind names a function in full once per file, as "fn=(N) NAME". Functions that every
# command runs come first, then groups shared by fewer commands, so that each command's code
# sits in as few places as possible.
python3 - "$work" > Sources/srun/symbol-order.txt <<'PY'
import glob, re, sys
users = {}
for path in sorted(glob.glob(sys.argv[1] + "/cg.*")):
    for name in set(re.findall(r"^c?fn=\(\d+\) (.+)$", open(path, errors="replace").read(), re.M)):
        users.setdefault(name, set()).add(path)
for name in sorted(users, key=lambda n: (-len(users[n]), sorted(users[n]), n)):
    print(name)
PY
echo "$(wc -l < Sources/srun/symbol-order.txt) symbols in Sources/srun/symbol-order.txt" >&2
