#!/usr/bin/env bats
# What stands between a container and the host: capabilities, seccomp (with a notify
# listener), no_new_privs, LSM labels, process attributes, and an attempt at every runtime
# escape DESIGN.md lists that the filesystem suite does not already make. Every test ends
# with nothing left on the host.

bats_require_minimum_version 1.5.0

setup_file() {
  load helpers
  load container-helpers
  make_template
}

setup() {
  load helpers
  load container-helpers
  sandbox_from_template
  PIDS=()
  N=0
}

teardown() {
  for id in "$ID" "$ID-victim"; do "$SRUN" --root "$ROOT" delete --force "$id" >/dev/null 2>&1 || true; done
  [ -z "${LISTENER:-}" ] || kill "$LISTENER" 2>/dev/null || true
  unmount_sandbox
  teardown_sandbox
}

# The container's five capability sets, as hex masks.
CAPS='for set in Inh Prm Eff Bnd Amb; do echo "$set=$(grep "^Cap$set:" /proc/self/status | cut -f2)"; done'

# A create that must fail: exit 1, the message on stderr, nothing left.
refused() {
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ] || { echo "create exited $status: $stderr"; return 1; }
  [[ "$stderr" == *"$1"* ]] || { echo "expected \"$1\" in: $stderr"; return 1; }
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# capabilities

@test "root: the config's bounding, effective and permitted sets, inheritable empty (CVE-2022-29162)" {
  # runc's default: AUDIT_WRITE (29), KILL (5), NET_BIND_SERVICE (10); ambient listed but
  # neither inheritable, so not kept.
  sh_in_container "$CAPS"
  [ "$(value Bnd)" = 0000000020000420 ]
  [ "$(value Eff)" = 0000000020000420 ]
  [ "$(value Prm)" = 0000000020000420 ]
  [ "$(value Inh)" = 0000000000000000 ]
  [ "$(value Amb)" = 0000000000000000 ]
  assert_all_gone
}

@test "a non-root user keeps exactly its ambient capabilities across exec" {
  cfg '.process.user = {"uid": 1000, "gid": 1000} | .process.capabilities = {
    "bounding": ["CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
    "effective": ["CAP_KILL", "CAP_NET_BIND_SERVICE"], "permitted": ["CAP_KILL", "CAP_NET_BIND_SERVICE"],
    "inheritable": ["CAP_KILL", "CAP_NET_BIND_SERVICE"], "ambient": ["CAP_NET_BIND_SERVICE"]}'
  sh_in_container "$CAPS; echo id=\$(id -u)"
  [ "$(value id)" = 1000 ]
  [ "$(value Bnd)" = 0000000000000421 ]
  [ "$(value Inh)" = 0000000000000420 ]
  # After exec a non-root process has its ambient set, and nothing else.
  [ "$(value Amb)" = 0000000000000400 ]
  [ "$(value Prm)" = 0000000000000400 ]
  [ "$(value Eff)" = 0000000000000400 ]
  assert_all_gone
}

@test "a non-root user without ambient capabilities ends with none" {
  cfg '.process.user = {"uid": 1000, "gid": 1000}'
  sh_in_container "$CAPS"
  [ "$(value Eff)" = 0000000000000000 ]
  [ "$(value Prm)" = 0000000000000000 ]
  [ "$(value Bnd)" = 0000000020000420 ]
  assert_all_gone
}

@test "a dropped capability is really gone: CAP_CHOWN missing makes chown fail" {
  sh_in_container 'touch /dev/shm/f; chown 1000 /dev/shm/f 2>/dev/null && echo chown=ok || echo chown=denied'
  [ "$(value chown)" = denied ]
  cfg '.process.capabilities.bounding += ["CAP_CHOWN"] | .process.capabilities.effective += ["CAP_CHOWN"] |
       .process.capabilities.permitted += ["CAP_CHOWN"]'
  sh_in_container 'touch /dev/shm/f; chown 1000 /dev/shm/f 2>/dev/null && echo chown=ok || echo chown=denied'
  [ "$(value chown)" = ok ]
  assert_all_gone
}

@test "a capability the host's bounding set lacks is an error that names it" {
  grep -q '^CapBnd:' /proc/self/status
  if (( (0x$(grep '^CapBnd:' /proc/self/status | cut -f2) >> 24) & 1 )); then
    skip "this host's bounding set has CAP_SYS_RESOURCE"
  fi
  cfg '.process.capabilities.permitted += ["CAP_SYS_RESOURCE"]'
  refused 'process.capabilities.permitted[3]: CAP_SYS_RESOURCE is not in this host'"'"'s bounding set'
}

@test "an unknown capability name is an error" {
  cfg '.process.capabilities.bounding += ["CAP_NOT_A_THING"]'
  refused 'process.capabilities.bounding[3]'
}

@test "no_new_privileges is set in the container when asked, not otherwise" {
  cfg '.process.noNewPrivileges = true'
  sh_in_container 'echo nnp=$(grep ^NoNewPrivs: /proc/self/status | cut -f2)'
  [ "$(value nnp)" = 1 ]
  cfg '.process.noNewPrivileges = false'
  sh_in_container 'echo nnp=$(grep ^NoNewPrivs: /proc/self/status | cut -f2)'
  [ "$(value nnp)" = 0 ]
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# seccomp

@test "seccomp SCMP_ACT_ERRNO returns errnoRet; unknown syscall names are skipped" {
  cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
    {"names": ["mkdir", "mkdirat", "no_such_syscall_in_any_kernel"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38}]}'
  sh_in_container 'mkdir /tmp/d 2>&1; echo rc=$?; echo mode=$(grep ^Seccomp: /proc/self/status | cut -f2)'
  [[ "$output" == *"Function not implemented"* ]]
  [ "$(value rc)" = 1 ]
  [ "$(value mode)" = 2 ]
  # Without errnoRet: EPERM.
  cfg '.linux.seccomp.syscalls[0] |= del(.errnoRet)'
  sh_in_container 'mkdir /tmp/d 2>&1; echo rc=$?'
  [[ "$output" == *"Operation not permitted"* ]]
  assert_all_gone
}

@test "seccomp defaultAction SCMP_ACT_ERRNO with defaultErrnoRet, and an allow list" {
  # Everything busybox sh and echo need to print, the rest fails with ENOTTY (25).
  cfg --slurpfile docker "$FIXTURES/valid/docker-default-seccomp.json" '
    .linux.seccomp = ($docker[0].linux.seccomp | .defaultErrnoRet = 25 |
      .syscalls |= map(select(.action == "SCMP_ACT_ALLOW")) |
      .syscalls |= map(.names -= ["mkdir", "mkdirat"]))'
  sh_in_container 'mkdir /tmp/d 2>&1; echo rc=$?'
  [[ "$output" == *"Not a tty"* ]] || [[ "$output" == *"Inappropriate ioctl"* ]]
  [ "$(value rc)" = 1 ]
  assert_all_gone
}

@test "seccomp SCMP_ACT_KILL_PROCESS and SCMP_ACT_KILL (the thread: here the whole process) kill with SIGSYS" {
  for action in SCMP_ACT_KILL_PROCESS SCMP_ACT_KILL; do
    cfg --arg action "$action" '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
      {"names": ["mkdir", "mkdirat"], "action": $action}]}'
    set_args mkdir /tmp/d
    srun_files run --bundle "$BUNDLE" "$ID"
    [ "$status" -eq $((128 + 31)) ] || { echo "$action: status $status: $stderr"; return 1; }
    assert_all_gone
  done
}

@test "an unknown syscall name leaves a debug line in the log" {
  cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
    {"names": ["no_such_syscall_in_any_kernel"], "action": "SCMP_ACT_ERRNO"}]}'
  set_args true
  srun_files --debug --log "$SANDBOX/log.json" --log-format json run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ]
  grep '"level":"debug"' "$SANDBOX/log.json" | grep -q 'no_such_syscall_in_any_kernel unknown to libseccomp'
  assert_all_gone
}

@test "seccomp SCMP_ACT_LOG lets the call through" {
  cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "flags": ["SECCOMP_FILTER_FLAG_LOG"], "syscalls": [
    {"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_LOG"}]}'
  sh_in_container 'mkdir /dev/shm/d && echo made=yes'
  [ "$(value made)" = yes ]
  assert_all_gone
}

@test "seccomp argument conditions: SCMP_CMP_EQ and SCMP_CMP_MASKED_EQ" {
  # kill(pid, sig): only signal 0 refused. chmod(path, mode): only set-uid refused.
  cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
    {"names": ["kill"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 1, "value": 0, "op": "SCMP_CMP_EQ"}]},
    {"names": ["chmod", "fchmodat"], "action": "SCMP_ACT_ERRNO",
     "args": [{"index": 1, "value": 2048, "valueTwo": 2048, "op": "SCMP_CMP_MASKED_EQ"}]}]}'
  sh_in_container '
    kill -0 $$ 2>/dev/null && echo zero=ok || echo zero=denied
    kill -CONT $$ 2>/dev/null && echo cont=ok || echo cont=denied
    touch /dev/shm/f
    chmod 4755 /dev/shm/f 2>/dev/null && echo suid=ok || echo suid=denied
    chmod 755 /dev/shm/f 2>/dev/null && echo plain=ok || echo plain=denied'
  [ "$(value zero)" = denied ]
  [ "$(value cont)" = ok ]
  [ "$(value suid)" = denied ]
  [ "$(value plain)" = ok ]
  assert_all_gone
}

@test "two conditions on one argument mean either of them" {
  cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
    {"names": ["kill"], "action": "SCMP_ACT_ERRNO", "args": [
      {"index": 1, "value": 0, "op": "SCMP_CMP_EQ"}, {"index": 1, "value": 28, "op": "SCMP_CMP_EQ"}]}]}'
  sh_in_container '
    for sig in 0 CONT WINCH; do kill -$sig $$ 2>/dev/null && echo $sig=ok || echo $sig=denied; done'
  [ "$(value 0)" = denied ]
  [ "$(value CONT)" = ok ]
  [ "$(value WINCH)" = denied ]
  assert_all_gone
}

@test "a profile that blocks what srun itself needs (getcwd, mkdir, openat2) does not break setup" {
  cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
    {"names": ["getcwd", "mkdir", "mkdirat", "openat2", "mount", "pivot_root", "sethostname", "setresuid", "capset", "prctl"],
     "action": "SCMP_ACT_ERRNO"}]}'
  cfg '.process.user = {"uid": 1000, "gid": 1000} | .process.noNewPrivileges = true | .process.cwd = "/made/by/srun"'
  sh_in_container 'echo ok=yes; mkdir /dev/shm/x 2>/dev/null || echo mkdir=denied'
  [ "$(value ok)" = yes ]
  [ "$(value mkdir)" = denied ]
  assert_all_gone
}

@test "without no_new_privileges a non-root process gets the filter and no capability" {
  cfg '.process.user = {"uid": 1000, "gid": 1000} | .process.noNewPrivileges = false |
       .linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]}'
  sh_in_container "$CAPS; echo mode=\$(grep ^Seccomp: /proc/self/status | cut -f2); mkdir /dev/shm/x 2>/dev/null || echo mkdir=denied"
  [ "$(value mode)" = 2 ]
  [ "$(value mkdir)" = denied ]
  [ "$(value Eff)" = 0000000000000000 ]
  [ "$(value Prm)" = 0000000000000000 ]
  assert_all_gone
}

@test "seccomp errors: an architecture libseccomp lacks, an unsupported flag value" {
  cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_M68K"]}'
  refused 'linux.seccomp.architectures[0]: SCMP_ARCH_M68K is not supported by libseccomp'
  cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_ERRNO", "errnoRet": 70000}]}'
  refused 'linux.seccomp.syscalls[0].errnoRet: errnoRet 70000 is out of range'
}

@test "seccomp SCMP_ACT_NOTIFY: the listener gets the state and the fd, and answers the call" {
  cfg --arg sock "$SANDBOX/listener.sock" '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW",
    "listenerPath": $sock, "listenerMetadata": "bats-metadata",
    "flags": ["SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"],
    "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_NOTIFY"}]}'
  python3 "$BATS_TEST_DIRNAME/seccomp-listener.py" "$SANDBOX/listener.sock" "$SANDBOX/listener.out" &
  LISTENER=$!
  wait_for test -S "$SANDBOX/listener.sock"
  # The listener answers "success" without doing anything: the directory does not appear.
  sh_in_container 'mkdir /dev/shm/notified && echo made=yes; [ -d /dev/shm/notified ] && echo exists=yes || echo exists=no'
  [ "$(value made)" = yes ]
  [ "$(value exists)" = no ]
  wait "$LISTENER"
  LISTENER=
  jq -e --arg id "$ID" '.fds == ["seccompFd"] and .metadata == "bats-metadata" and .state.id == $id and .pid > 0
    and .state.pid == .pid and .ociVersion != null' "$SANDBOX/listener.out"
  [ "$(head -n 1 "$SANDBOX/listener.out.calls")" = 83 ] || [ "$(head -n 1 "$SANDBOX/listener.out.calls")" = 258 ]
  assert_all_gone
}

@test "seccomp SCMP_ACT_NOTIFY with no one listening fails create and leaves nothing" {
  cfg --arg sock "$SANDBOX/nobody.sock" '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "listenerPath": $sock,
    "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_NOTIFY"}]}'
  refused 'linux.seccomp.listenerPath: cannot connect'
}

# ---------------------------------------------------------------------------------------
# LSM labels and process attributes

@test "apparmorProfile on a host without AppArmor is an error naming the field" {
  if grep -qs Y /sys/module/apparmor/parameters/enabled; then skip "AppArmor is enabled here: see the next test"; fi
  cfg '.process.apparmorProfile = "srun-test"'
  refused 'process.apparmorProfile: AppArmor is not enabled on this host'
}

@test "apparmorProfile is applied where AppArmor is enabled" {
  grep -qs Y /sys/module/apparmor/parameters/enabled || skip "AppArmor is not enabled on this host"
  cfg '.process.apparmorProfile = "unconfined"'
  sh_in_container 'echo label=$(cat /proc/self/attr/current)'
  [ "$(value label)" = unconfined ]
  assert_all_gone
}

@test "selinuxLabel on a host without SELinux is an error naming the field" {
  if [ -e /sys/fs/selinux/enforce ]; then skip "SELinux is enabled here: see the next test"; fi
  cfg '.process.selinuxLabel = "system_u:system_r:container_t:s0"'
  refused 'process.selinuxLabel: SELinux is not enabled on this host'
}

@test "selinuxLabel is applied where SELinux is enabled" {
  [ -e /sys/fs/selinux/enforce ] || skip "SELinux is not enabled on this host"
  cfg '.process.selinuxLabel = "system_u:system_r:container_t:s0"'
  sh_in_container 'echo label=$(cat /proc/self/attr/current)'
  [ "$(value label)" = "system_u:system_r:container_t:s0" ]
  assert_all_gone
}

@test "personality LINUX32, ioPriority and scheduler are the process's" {
  [ "$(uname -m)" = x86_64 ] || skip "LINUX32 is checked on x86_64 (uname -m says i686)"
  cfg '.linux.personality = {"domain": "LINUX32"} | .process.ioPriority = {"class": "IOPRIO_CLASS_IDLE", "priority": 0} |
       .process.scheduler = {"policy": "SCHED_BATCH", "nice": 3}'
  sh_in_container 'echo arch=$(uname -m); echo io=$(ionice -p $$); echo policy=$(grep ^policy /proc/self/sched | tr -d " "); echo nice=$(cut -d" " -f19 /proc/self/stat)'
  [ "$(value arch)" = i686 ]
  [[ "$(value io)" == idle* ]]
  [ "$(value policy)" = "policy:3" ]
  [ "$(value nice)" = 3 ]
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# escapes

@test "CVE-2019-5736: a container that runs srun's /proc/self/exe cannot write the host's srun" {
  # A copy of srun is the victim, so that a failure here corrupts only the copy. Container A
  # (the attacker) watches its pid namespace; container B joins it and makes its entrypoint
  # /proc/self/exe, i.e. srun's own binary. A holds that process's /proc/PID/exe open, waits
  # for it to exit, then writes through the handle.
  cp "$SRUN" "$SANDBOX/srun-victim"
  local before
  before=$(sha256sum <"$SANDBOX/srun-victim")
  cat >"$BUNDLE/rootfs/attack.sh" <<'EOF'
rm -f /fifo; mkfifo /fifo; touch /ready
while :; do for p in /proc/[0-9]*; do case "$(tr '\0' ' ' < $p/cmdline 2>/dev/null)" in *x-victim*) pid=${p#/proc/}; break 2;; esac; done; done
exec 3< /proc/$pid/exe && echo opened=yes
cat /fifo >/dev/null
while [ -e /proc/$pid ]; do sleep 0.05; done; sleep 1
if echo pwned >> /proc/self/fd/3; then echo wrote=yes; else echo wrote=no; fi
EOF
  cfg '.root.readonly = false'
  cp "$BUNDLE/config.json" "$SANDBOX/victim.json"
  set_args sh /attack.sh
  "$SRUN" --root "$ROOT" run --bundle "$BUNDLE" "$ID" >"$SANDBOX/attacker.out" 2>&1 &
  wait_for test -e "$BUNDLE/rootfs/ready"
  local pid
  pid=$("$SRUN" --root "$ROOT" state "$ID" | jq .pid)
  mkdir "$SANDBOX/victim"
  ln -s "$BUNDLE/rootfs" "$SANDBOX/victim/rootfs"
  jq --arg ns "/proc/$pid/ns/pid" '.process.args = ["/proc/self/exe", "--log", "/fifo", "state", "x-victim"] |
    .linux.namespaces |= map(if .type == "pid" then .path = $ns else . end)' "$SANDBOX/victim.json" >"$SANDBOX/victim/config.json"
  timeout 20 "$SANDBOX/srun-victim" --root "$ROOT" run --bundle "$SANDBOX/victim" "$ID-victim" >/dev/null 2>&1 || true
  wait
  output=$(cat "$SANDBOX/attacker.out")
  echo "$output"
  [ "$(value opened)" = yes ]
  [ "$(value wrote)" = no ]
  [[ "$output" == *"Read-only file system"* ]]
  [ "$(sha256sum <"$SANDBOX/srun-victim")" = "$before" ]
  assert_all_gone
}

@test "CVE-2019-5736: run re-executes from the sealed copy before glibc starts, and the container runs" {
  # entry.c seals and re-executes before glibc's start-up: the first system calls of the
  # process are the seal's, and glibc's first (brk, then arch_prctl for its TLS) come only
  # after the execveat. If the early path fell through, BinarySeal's Swift path would still
  # seal, but after a whole glibc and Swift start-up.
  command -v strace >/dev/null || skip "strace is not installed"
  set_args sh -c 'echo ran=yes'
  strace -o "$SANDBOX/trace" -e trace=openat,open_tree,mount_setattr,execveat,arch_prctl,brk \
    "$SRUN" --root "$ROOT" run --bundle "$BUNDLE" "$ID" >"$SANDBOX/out" 2>"$SANDBOX/err" </dev/null
  output=$(cat "$SANDBOX/out")
  [ "$(value ran)" = yes ]
  local calls
  calls=$(grep -v -e '^---' -e '^+++' "$SANDBOX/trace" | sed -E 's/\(.*//' | head -n 5 | tr '\n' ' ')
  echo "first calls: $calls"
  [ "$calls" = "openat open_tree mount_setattr execveat brk " ]
  grep -q 'open_tree(AT_FDCWD, "/proc/self/exe", OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC)' "$SANDBOX/trace"
  grep -q 'execveat([0-9]*, "", .*AT_EMPTY_PATH) = 0' "$SANDBOX/trace"
  assert_all_gone
}

@test "CVE-2019-5736: an srun that lives on a read-only mount runs a container without re-executing" {
  command -v strace >/dev/null || skip "strace is not installed"
  mkdir "$SANDBOX/ro"
  cp "$SRUN" "$SANDBOX/ro/srun"
  mount --bind "$SANDBOX/ro" "$SANDBOX/ro"
  mount -o remount,bind,ro "$SANDBOX/ro"
  set_args sh -c 'echo ran=yes'
  local rc=0
  strace -f -o "$SANDBOX/trace" -e trace=open_tree,execveat,execve \
    "$SANDBOX/ro/srun" --root "$ROOT" run --bundle "$BUNDLE" "$ID" >"$SANDBOX/out" 2>"$SANDBOX/err" </dev/null || rc=$?
  umount "$SANDBOX/ro"
  cat "$SANDBOX/err"
  [ "$rc" -eq 0 ]
  output=$(cat "$SANDBOX/out")
  [ "$(value ran)" = yes ]
  if grep -e 'open_tree(AT_FDCWD, "/proc/self/exe"' -e execveat "$SANDBOX/trace"; then
    echo "srun re-executed itself from a read-only mount"; return 1
  fi
  assert_all_gone
}

@test "CVE-2019-5736: the init is not dumpable while it waits in created" {
  # Without a pid namespace another container sees the waiting init, with the same
  # capabilities: only non-dumpability keeps it from the init's /proc/PID/exe.
  cfg '.linux.namespaces |= map(select(.type != "pid"))'
  set_args true
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  local pid
  pid=$("$SRUN" --root "$ROOT" state "$ID" | jq .pid)
  PIDS+=("$pid")
  [ "$(awk '/^CapEff/ {print $2}' /proc/$pid/status)" = 0000000020000420 ]
  local id=$ID
  ID=$ID-victim
  sh_in_container "cat /proc/$pid/exe >/dev/null 2>&1 && echo exe=readable || echo exe=denied; readlink /proc/$pid/root >/dev/null 2>&1 && echo root=readable || echo root=denied"
  ID=$id
  [ "$(value exe)" = denied ]
  [ "$(value root)" = denied ]
  srun delete --force "$ID"
  assert_all_gone
}

@test "CVE-2024-21626: a working directory through a leaked fd is refused" {
  exec 7</  # a host directory, as the leaked fd was
  cfg '.process.cwd = "/proc/self/fd/7"'
  set_args pwd
  srun_files run --bundle "$BUNDLE" "$ID"
  exec 7<&-
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"/proc/self/fd/7"* ]]
  assert_all_gone
}

@test "CVE-2019-16884: sysctls are written to the real procfs even under a fake /proc/sys" {
  mkdir -p "$SANDBOX/fakesys/kernel"
  echo fake >"$SANDBOX/fakesys/kernel/hostname"
  cfg --arg src "$SANDBOX/fakesys" '.mounts += [{"destination": "/proc/sys", "type": "bind", "source": $src, "options": ["rbind"]}] |
       .linux.sysctl = {"kernel.hostname": "from-sysctl"} | .linux.readonlyPaths -= ["/proc/sys"]'
  sh_in_container 'echo host=$(hostname)'
  [ "$(value host)" = from-sysctl ]
  [ "$(cat "$SANDBOX/fakesys/kernel/hostname")" = fake ]
  assert_all_gone
}

@test "CVE-2025-52565: a /dev/console that a hook turned into a symlink is refused" {
  printf '#!/bin/sh\nln -sf /etc/passwd %s/rootfs/dev/console\n' "$BUNDLE" >"$SANDBOX/hook.sh"
  chmod +x "$SANDBOX/hook.sh"
  cfg --arg hook "$SANDBOX/hook.sh" '.process.terminal = true | .hooks.createContainer = [{"path": $hook}]'
  python3 "$BATS_TEST_DIRNAME/console-receiver.py" "$SANDBOX/console.sock" "$SANDBOX/console.out" &
  LISTENER=$!
  wait_for test -S "$SANDBOX/console.sock"
  srun_files create --bundle "$BUNDLE" --console-socket "$SANDBOX/console.sock" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"/dev/console"* ]]
  # The pty was not bound over the file the link named.
  [ "$(head -c 5 "$BUNDLE/rootfs/etc/passwd")" = "root:" ]
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# features

@test "features lists the seccomp actions, operators, architectures and flags, and the capabilities" {
  run --separate-stderr "$SRUN" features
  [ "$status" -eq 0 ]
  local doc=$output
  jq -e '.linux.seccomp.enabled == true' <<<"$doc"
  jq -e '.linux.seccomp.actions | length == 9 and index("SCMP_ACT_NOTIFY") != null and index("SCMP_ACT_KILL_PROCESS") != null' <<<"$doc"
  jq -e '.linux.seccomp.operators | length == 7 and index("SCMP_CMP_MASKED_EQ") != null' <<<"$doc"
  jq -e '.linux.seccomp.archs | index("SCMP_ARCH_X86_64") != null and index("SCMP_ARCH_AARCH64") != null' <<<"$doc"
  jq -e '.linux.seccomp.knownFlags | length == 4' <<<"$doc"
  # Every supported flag really loads: the notify test above used WAIT_KILLABLE_RECV.
  jq -e '.linux.seccomp.supportedFlags | index("SECCOMP_FILTER_FLAG_LOG") != null' <<<"$doc"
  # One capability per number up to the kernel's last.
  [ "$(jq '.linux.capabilities | length' <<<"$doc")" -eq $(( $(cat /proc/sys/kernel/cap_last_cap) + 1 )) ]
  jq -e '.linux.capabilities | index("CAP_SYS_ADMIN") != null and index("CAP_CHECKPOINT_RESTORE") != null' <<<"$doc"
  jq -e '.linux.apparmor.enabled == true and .linux.selinux.enabled == true' <<<"$doc"
}
