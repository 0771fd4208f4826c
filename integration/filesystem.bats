#!/usr/bin/env bats
# A hostile image must not make srun create or mount anything on the host: symlinks in the
# rootfs are resolved inside it (CVE-2021-30465, CVE-2024-45310), /proc and /sys may not be
# symlinks (CVE-2019-16884), and masks bind only the real /dev/null (CVE-2025-31133).

setup() {
  load helpers
  load container-helpers
  setup_sandbox
  rm -rf "$BUNDLE"
  SRUN=$SRUN "$BATS_TEST_DIRNAME/make-bundle.sh" "$BUNDLE" true >/dev/null
  ESCAPE=/tmp/srun-escape-$ID
  PIDS=()
}

teardown() {
  "$SRUN" --root "$ROOT" delete --force "$ID" >/dev/null 2>&1 || true
  rm -rf "$ESCAPE" "$ESCAPE"-*
  teardown_sandbox
}

@test "an absolute symlink in the rootfs cannot send a mount destination to the host" {
  ln -s "$ESCAPE" "$BUNDLE/rootfs/evil"
  cfg '.mounts += [{"destination": "/evil/sub", "type": "tmpfs", "source": "tmpfs"}]'
  set_args sh -c 'grep -c " /tmp/srun-escape-[^ ]*/sub " /proc/self/mountinfo'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  # Inside, the link led to the same path in the rootfs, where the tmpfs is.
  [ "$output" = 1 ]
  [ ! -e "$ESCAPE" ]
  [ -d "$BUNDLE/rootfs$ESCAPE/sub" ]
  assert_all_gone
}

@test "a ../ symlink in the rootfs cannot climb out of it" {
  ln -s "../../../../../../../../..$ESCAPE-up" "$BUNDLE/rootfs/up"
  cfg '.mounts += [{"destination": "/up/x", "type": "tmpfs", "source": "tmpfs"}]'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ ! -e "$ESCAPE-up" ]
  [ -d "$BUNDLE/rootfs$ESCAPE-up/x" ]
  assert_all_gone
}

@test "a bind mount file target behind a symlink stays in the rootfs" {
  echo secret > "$SANDBOX/source-file"
  ln -s "$ESCAPE-file" "$BUNDLE/rootfs/etc/hostname-link"
  cfg --arg s "$SANDBOX/source-file" '.mounts += [{"destination": "/etc/hostname-link", "type": "bind", "source": $s, "options": ["bind", "ro"]}]'
  set_args cat /etc/hostname-link
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$output" = secret ]
  [ ! -e "$ESCAPE-file" ]
  assert_all_gone
}

@test "a device path behind a symlink is made inside the rootfs" {
  ln -s "$ESCAPE-dev" "$BUNDLE/rootfs/devlink"
  cfg '.linux.devices = [{"type": "c", "path": "/devlink/null2", "major": 1, "minor": 3, "fileMode": 438}]'
  set_args sh -c 'stat -c %t:%T /devlink/null2'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$output" = "1:3" ]
  [ ! -e "$ESCAPE-dev" ]
  assert_all_gone
}

@test "a cwd behind a symlink is made inside the container" {
  ln -s "$ESCAPE-cwd" "$BUNDLE/rootfs/work"
  cfg '.process.cwd = "/work/here"'
  set_args pwd
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ ! -e "$ESCAPE-cwd" ]
  assert_all_gone
}

@test "/proc as a symlink in the rootfs is refused" {
  rmdir "$BUNDLE/rootfs/proc"
  mkdir "$BUNDLE/rootfs/fakeproc"
  ln -s fakeproc "$BUNDLE/rootfs/proc"
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *'mounts[0].destination: "/proc" goes through a symlink in the rootfs; refusing to mount proc there'* ]] || { echo "$stderr"; return 1; }
  assert_all_gone
}

@test "/sys behind a symlinked parent is refused" {
  rmdir "$BUNDLE/rootfs/sys"
  mkdir -p "$BUNDLE/rootfs/elsewhere/sys"
  ln -s elsewhere/sys "$BUNDLE/rootfs/sys"
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *'"/sys" goes through a symlink in the rootfs; refusing to mount sysfs there'* ]] || { echo "$stderr"; return 1; }
  assert_all_gone
}

@test "a masked file is not bound to a /dev/null that is not the null device" {
  # Without a /dev mount the image's own /dev stays: here /dev/null is a plain file.
  cfg '.mounts |= map(select(.destination | startswith("/dev") | not)) | .linux.maskedPaths = ["/proc/timer_list"]'
  mkdir -p "$BUNDLE/rootfs/dev"
  echo fake > "$BUNDLE/rootfs/dev/null"
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"/dev/null in the container is not the null device"* ]] || { echo "$stderr"; return 1; }
  assert_all_gone
}

@test "masked files read empty through the real /dev/null" {
  cfg '.linux.maskedPaths = ["/proc/timer_list", "/proc/acpi"]'
  set_args sh -c 'wc -c < /proc/timer_list; ls -A /proc/acpi | wc -l; stat -c %t:%T /dev/null'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(printf '%s\n' "$output" | sed -n 1p)" = 0 ]
  [ "$(printf '%s\n' "$output" | sed -n 2p)" = 0 ]
  [ "$(printf '%s\n' "$output" | sed -n 3p)" = "1:3" ]
  assert_all_gone
}

@test "masked directories share one empty read-only tmpfs, also when a parent is masked after its child" {
  mkdir -p "$BUNDLE/rootfs/m1/sub" "$BUNDLE/rootfs/m2" "$BUNDLE/rootfs/m3"
  touch "$BUNDLE/rootfs/m1/sub/f" "$BUNDLE/rootfs/m2/f" "$BUNDLE/rootfs/m3/f"
  cfg '.root.readonly = false | .linux.maskedPaths = ["/m1/sub", "/m1", "/m2", "/m3"]'
  set_args sh -c 'for d in /m1 /m2 /m3; do echo "$d=$(ls -A $d | wc -l)"; done
    touch /m2/new 2>/dev/null && echo m2=writable || echo m2=readonly
    echo "devs=$(stat -c %d /m2 /m3 | sort -u | wc -l)"'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(value /m1)" = 0 ]
  [ "$(value /m2)" = 0 ]
  [ "$(value /m3)" = 0 ]
  [ "$(value m2)" = readonly ]
  [ "$(value devs)" = 1 ]
  assert_all_gone
}

@test "a relative bind source is taken from the bundle" {
  mkdir "$BUNDLE/shared"
  echo from-bundle > "$BUNDLE/shared/file"
  cfg '.mounts += [{"destination": "/shared", "type": "bind", "source": "shared", "options": ["rbind", "ro"]}]'
  set_args cat /shared/file
  ( cd / && srun_files run --bundle "$BUNDLE" "$ID" && [ "$status" -eq 0 ] && [ "$output" = from-bundle ] ) || { echo "$status $output $stderr"; return 1; }
  assert_all_gone
}

@test "tmpcopyup fills the tmpfs with what it covers, and writes stay in the tmpfs" {
  cfg '.mounts += [{"destination": "/etc", "type": "tmpfs", "source": "tmpfs", "options": ["tmpcopyup", "mode=755"]}]'
  set_args sh -c 'head -1 /etc/passwd; echo new > /etc/added; grep -c " /etc .* - tmpfs " /proc/self/mountinfo'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(printf '%s\n' "$output" | sed -n 1p)" = "root:x:0:0:root:/root:/bin/sh" ]
  [ "$(printf '%s\n' "$output" | sed -n 2p)" = 1 ]
  [ ! -e "$BUNDLE/rootfs/etc/added" ]
  assert_all_gone
}

@test "in a user namespace a read-only bind keeps the flags the source's mount locks" {
  mkdir "$SANDBOX/share"
  echo shared > "$SANDBOX/share/file"
  cfg --arg s "$SANDBOX/share" '.linux.namespaces += [{"type": "user"}]
    | .linux.uidMappings = [{"containerID": 0, "hostID": 0, "size": 65536}]
    | .linux.gidMappings = [{"containerID": 0, "hostID": 0, "size": 65536}]
    | .mounts += [{"destination": "/share", "type": "bind", "source": $s, "options": ["bind", "ro", "nosuid"]}]'
  set_args sh -c 'cat /share/file; grep " /share " /proc/self/mountinfo | cut -d" " -f6; touch /share/x 2>/dev/null && echo writable || echo read-only'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(printf '%s\n' "$output" | sed -n 1p)" = shared ]
  [[ "$(printf '%s\n' "$output" | sed -n 2p)" == ro,nosuid* ]]
  [ "$(printf '%s\n' "$output" | sed -n 3p)" = read-only ]
  [ ! -e "$SANDBOX/share/x" ]
  assert_all_gone
}

@test "an idmapped bind mount shows files through the mount's own mappings" {
  mkdir "$SANDBOX/idsrc"
  echo data > "$SANDBOX/idsrc/file"
  chown 0:0 "$SANDBOX/idsrc/file"
  cfg --arg s "$SANDBOX/idsrc" '.mounts += [{"destination": "/idm", "type": "bind", "source": $s, "options": ["bind", "idmap"],
    "uidMappings": [{"containerID": 0, "hostID": 1000, "size": 1}], "gidMappings": [{"containerID": 0, "hostID": 2000, "size": 1}]}]'
  set_args sh -c 'stat -c "%u:%g" /idm/file; grep -c " /idm .*idmapped" /proc/self/mountinfo'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(printf '%s\n' "$output" | sed -n 1p)" = "1000:2000" ]
  [ "$(printf '%s\n' "$output" | sed -n 2p)" = 1 ]
  # The source itself is untouched.
  [ "$(stat -c %u:%g "$SANDBOX/idsrc/file")" = "0:0" ]
  assert_all_gone
}

@test "an idmapped bind mount without mappings of its own uses the container's user namespace" {
  # The container's root is uid 100000 on the host: it must be able to reach the bundle.
  chmod 755 "$SANDBOX"
  # ... and cannot make directories in a rootfs owned by the host's root.
  mkdir "$BUNDLE/rootfs/idm"
  mkdir "$SANDBOX/idsrc"
  echo data > "$SANDBOX/idsrc/file"
  chown 0:0 "$SANDBOX/idsrc/file"
  cfg --arg s "$SANDBOX/idsrc" '.linux.namespaces += [{"type": "user"}]
    | .linux.uidMappings = [{"containerID": 0, "hostID": 100000, "size": 65536}]
    | .linux.gidMappings = [{"containerID": 0, "hostID": 100000, "size": 65536}]
    | .mounts += [{"destination": "/idm", "type": "bind", "source": $s, "options": ["rbind", "ridmap"]}]'
  set_args sh -c 'stat -c "%u:%g" /idm/file; stat -c "%u:%g" /'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  # Root-owned on disk reads as the container's root; the unmapped rootfs reads as nobody.
  [ "$(printf '%s\n' "$output" | sed -n 1p)" = "0:0" ]
  [ "$(printf '%s\n' "$output" | sed -n 2p)" = "65534:65534" ]
  assert_all_gone
}

# The per-mount flags mountinfo shows (field 6) for a mount at $1 in the container's output.
mount_options_of() {
  printf '%s\n' "$output" | awk -v d="$1" '$5 == d { print $6 }'
}

@test "mount options become the flags mountinfo shows" {
  cfg '.mounts += [
    {"destination": "/m1", "type": "tmpfs", "source": "tmpfs", "options": ["ro", "nosuid", "nodev", "noexec", "noatime"]},
    {"destination": "/m2", "type": "tmpfs", "source": "tmpfs", "options": ["rw", "suid", "dev", "exec", "strictatime", "nodiratime"]},
    {"destination": "/m3", "type": "tmpfs", "source": "tmpfs", "options": ["nosymfollow", "relatime", "sync", "dirsync"]},
    {"destination": "/m4", "type": "bind", "source": "/tmp", "options": ["rbind", "ro", "nosuid", "nodev"]},
    {"destination": "/m5", "type": "tmpfs", "source": "tmpfs", "options": ["mode=700", "size=1m", "noexec"]}]'
  set_args cat /proc/self/mountinfo
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(mount_options_of /m1)" = "ro,nosuid,nodev,noexec,noatime" ] || { echo "m1: $(mount_options_of /m1)"; return 1; }
  [[ "$(mount_options_of /m2)" == rw,nodiratime* ]] || { echo "m2: $(mount_options_of /m2)"; return 1; }
  [[ "$(mount_options_of /m3)" == *nosymfollow* && "$(mount_options_of /m3)" == *relatime* ]] || { echo "m3: $(mount_options_of /m3)"; return 1; }
  # sync and dirsync belong to the filesystem: they show among its super options.
  printf '%s\n' "$output" | awk '$5 == "/m3"' | grep -q ' - tmpfs tmpfs rw,sync,dirsync' || { printf '%s\n' "$output" | grep ' /m3 '; return 1; }
  [[ "$(mount_options_of /m4)" == ro,nosuid,nodev* ]] || { echo "m4: $(mount_options_of /m4)"; return 1; }
  [[ "$(mount_options_of /m5)" == *noexec* ]]
  # Filesystem data reaches the filesystem: tmpfs shows mode and size among its super options.
  printf '%s\n' "$output" | awk '$5 == "/m5"' | grep -q 'size=1024k,mode=700' || { printf '%s\n' "$output" | grep ' /m5 '; return 1; }
  assert_all_gone
}

@test "propagation options show in mountinfo's optional fields" {
  cfg '.mounts += [
    {"destination": "/shared", "type": "tmpfs", "source": "tmpfs", "options": ["rshared"]},
    {"destination": "/private", "type": "tmpfs", "source": "tmpfs", "options": ["rprivate"]},
    {"destination": "/unbindable", "type": "tmpfs", "source": "tmpfs", "options": ["unbindable"]}]'
  set_args cat /proc/self/mountinfo
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  printf '%s\n' "$output" | awk '$5 == "/shared"' | grep -q ' shared:[0-9]' || { printf '%s\n' "$output" | grep ' /shared '; return 1; }
  printf '%s\n' "$output" | awk '$5 == "/unbindable"' | grep -q ' unbindable ' || { printf '%s\n' "$output" | grep ' /unbindable '; return 1; }
  ! printf '%s\n' "$output" | awk '$5 == "/private"' | grep -qE ' (shared|master):[0-9]' || return 1
  assert_all_gone
}

@test "a symlink swapped in while create runs never sends a mount to the host" {
  local target=$ESCAPE-race
  mkdir -p "$BUNDLE/rootfs/race"
  cfg '.mounts += [{"destination": "/race/inner", "type": "tmpfs", "source": "tmpfs"}]'
  # Swap /race between a directory and a symlink to the host as fast as possible.
  (
    set +e
    end=$((SECONDS + 20))
    while [ $SECONDS -lt $end ] && [ ! -e "$SANDBOX/stop" ]; do
      mv -T "$BUNDLE/rootfs/race" "$BUNDLE/rootfs/race.dir" 2>/dev/null
      ln -sfn "$target" "$BUNDLE/rootfs/race" 2>/dev/null
      rm -f "$BUNDLE/rootfs/race" 2>/dev/null
      mv -T "$BUNDLE/rootfs/race.dir" "$BUNDLE/rootfs/race" 2>/dev/null
    done
    exit 0
  ) &
  local swapper=$!
  local i
  for i in $(seq 30); do
    "$SRUN" --root "$ROOT" run --bundle "$BUNDLE" "$ID-$i" </dev/null >/dev/null 2>&1 || true
    "$SRUN" --root "$ROOT" delete --force "$ID-$i" >/dev/null 2>&1 || true
    [ ! -e "$target" ] || { touch "$SANDBOX/stop"; wait "$swapper"; echo "created on the host: $target"; return 1; }
  done
  touch "$SANDBOX/stop"
  wait "$swapper"
  [ ! -e "$target" ]
  ! grep -q "$target" /proc/self/mountinfo || return 1
  assert_all_gone
}

@test "with a cgroup namespace the cgroup mount shows the container's own cgroups, read-only" {
  cfg '.linux.namespaces += [{"type": "cgroup"}]'
  set_args sh -c 'grep -c ":/$" /proc/self/cgroup; grep -c . /proc/self/cgroup;
    awk "\$5 == \"/sys/fs/cgroup/memory\" { print \$4, \$6 }" /proc/self/mountinfo;
    cat /sys/fs/cgroup/pids/cgroup.procs | wc -l; mkdir /sys/fs/cgroup/pids/x 2>/dev/null && echo writable || echo read-only'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  local lines
  mapfile -t lines <<<"$output"
  # Every hierarchy shows the container's cgroup as its root.
  [ "${lines[0]}" = "${lines[1]}" ] || { echo "$output"; return 1; }
  [[ "${lines[2]}" == "/ ro,nosuid,nodev,noexec"* ]] || { echo "$output"; return 1; }
  # Only the container's processes (the shell and the one reading) are in view.
  [ "${lines[3]}" -le 3 ] || { echo "$output"; return 1; }
  [ "${lines[4]}" = read-only ]
  assert_all_gone
}

@test "an overlay mount joins its layers, and writes go to the upper one" {
  mkdir -p "$SANDBOX"/{lower,upper,work}
  echo lower > "$SANDBOX/lower/file"
  cfg --arg o "lowerdir=$SANDBOX/lower,upperdir=$SANDBOX/upper,workdir=$SANDBOX/work" \
    '.mounts += [{"destination": "/ov", "type": "overlay", "source": "overlay", "options": [$o]}]'
  set_args sh -c 'cat /ov/file; echo upper > /ov/new'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$output" = lower ]
  [ "$(cat "$SANDBOX/upper/new")" = upper ]
  [ ! -e "$SANDBOX/lower/new" ]
  assert_all_gone
}

@test "in a user namespace devices are bound from the host instead of made" {
  chmod 755 "$SANDBOX"
  cfg '.linux.namespaces += [{"type": "user"}]
    | .linux.uidMappings = [{"containerID": 0, "hostID": 0, "size": 65536}]
    | .linux.gidMappings = [{"containerID": 0, "hostID": 0, "size": 65536}]
    | .linux.devices = [{"type": "c", "path": "/dev/full", "major": 1, "minor": 7}]'
  set_args sh -c 'stat -c "%t:%T" /dev/null /dev/full; grep -c " /dev/null " /proc/self/mountinfo; echo x > /dev/null && echo written'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$output" = "$(printf '1:3\n1:7\n1\nwritten')" ] || { echo "$output"; return 1; }
  assert_all_gone
}
