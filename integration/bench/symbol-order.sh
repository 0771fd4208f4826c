#!/usr/bin/env bash
# Regenerates Sources/srun/symbol-order.txt: every function srun runs on its common paths,
# which the linker places side by side. A static binary's code is paged in 64 KiB windows
# around each first touch, so scattered hot code costs resident memory on every call.
# Run it after big changes; symbols it no longer finds are ignored by the linker.
#
# Each command is traced with function-trace.py (a one-shot breakpoint on every function),
# which, unlike callgrind, follows create and run past the clone: the code the parent runs
# while the init sets up is most of a run's own code.
set -euo pipefail
cd "$(dirname "$0")/../.."
SRUN=$(integration/build.sh)
# The build's binary was just written: copy it so that the traced one is read like an installed one.
work=$(mktemp -d /tmp/srun-order.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$SRUN" "$work/srun"
SRUN=$work/srun
trace=integration/bench/function-trace.py
profile() { python3 "$trace" "$work/fn.$1" "${@:2}" >/dev/null 2>&1 || true; }
root=$work/root
mkdir -p "$root"

profile version "$SRUN" --version
profile features "$SRUN" features
profile help "$SRUN" --help
profile spec "$SRUN" spec --bundle "$work"

SRUN=$SRUN integration/make-bundle.sh "$work/busybox" sleep 100 >/dev/null
# Limits as managers send them, so that writing them is on the common path too.
jq '.linux.resources += {"memory":{"limit":268435456,"swap":268435456},"cpu":{"shares":512},"pids":{"limit":1024}}' \
  "$work/busybox/config.json" >"$work/busybox/config.json.new" && mv "$work/busybox/config.json.new" "$work/busybox/config.json"
profile create "$SRUN" --root "$root" create --bundle "$work/busybox" order-$$
profile state "$SRUN" --root "$root" state order-$$
profile list "$SRUN" --root "$root" list
profile start "$SRUN" --root "$root" start order-$$
profile exec "$SRUN" --root "$root" exec order-$$ true
profile kill "$SRUN" --root "$root" kill order-$$ KILL
sleep 0.2
profile delete "$SRUN" --root "$root" delete order-$$
"$SRUN" --root "$root" delete --force order-$$
SRUN=$SRUN integration/make-bundle.sh "$work/true" true >/dev/null
jq '.linux.resources += {"memory":{"limit":268435456,"swap":268435456},"cpu":{"shares":512},"pids":{"limit":1024}}' \
  "$work/true/config.json" >"$work/true/config.json.new" && mv "$work/true/config.json.new" "$work/true/config.json"
profile run "$SRUN" --root "$root" run --bundle "$work/true" order-run-$$
"$SRUN" --root "$root" delete --force order-run-$$

# The benchmarked calls' shared functions first, then by the calls that use them, run's and
# create's first (their code is the largest), so that each call's functions sit in few runs of
# pages. The init's and the other commands' functions follow.
python3 - "$work" > Sources/srun/symbol-order.txt <<'PY'
import sys
work = sys.argv[1]
bench = ["run", "create", "delete", "kill", "start", "state"]
others = ["run.child", "create.child", "exec", "exec.child", "list", "spec", "features", "version", "help"]
users, first = {}, {}
for n, cmd in enumerate(bench + others):
    try:
        lines = open("%s/fn.%s" % (work, cmd)).read().splitlines()
    except FileNotFoundError:
        continue
    for i, line in enumerate(lines):
        users.setdefault(line, set()).add(cmd)
        first.setdefault(line, (n, i))
def key(fn):
    used = users[fn]
    return (not set(bench) <= used,
            tuple(c not in used for c in bench + others),
            first[fn])
for fn in sorted(users, key=key):
    print("\n".join(fn.split()))
PY
echo "$(wc -l < Sources/srun/symbol-order.txt) symbols in Sources/srun/symbol-order.txt" >&2
