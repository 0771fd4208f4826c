#!/usr/bin/env bash
# make-bundle.sh DIR [ARG...]: an OCI bundle whose rootfs is Debian's busybox-static, with
# `srun spec`'s config set to run ARGs (default: sh) without a terminal. Needs no network.
set -euo pipefail
dir=${1:?usage: make-bundle.sh DIR [ARG...]}
shift
srun=${SRUN:-$(dirname "$0")/../.build/release/srun}
busybox=$(command -v busybox)
file -L "$busybox" | grep -q 'statically linked' || { echo "$busybox is not static (install busybox-static)" >&2; exit 1; }

rootfs=$dir/rootfs
mkdir -p "$rootfs"/{bin,dev,etc,proc,sys,tmp,root}
cp "$busybox" "$rootfs/bin/busybox"
for applet in $("$rootfs/bin/busybox" --list); do
  [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$rootfs/etc/group"

rm -f "$dir/config.json"
"$srun" spec --bundle "$dir"
args=$(if [ $# -gt 0 ]; then printf '%s\n' "$@"; else echo sh; fi | jq -R . | jq -s .)
jq --argjson args "$args" '.process.terminal = false | .process.args = $args' "$dir/config.json" > "$dir/config.json.new"
mv "$dir/config.json.new" "$dir/config.json"
