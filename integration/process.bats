#!/usr/bin/env bats
# The container's process as config.json describes it, checked from inside the container
# by what it prints: names, environment, working directory, user, umask, rlimits,
# no_new_privs, oom score, sysctls, /dev, pid 1, inherited fds, executable lookup.
# Every test ends with the container deleted and nothing left on the host.

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
  "$SRUN" --root "$ROOT" delete --force "$ID" >/dev/null 2>&1 || true
  unmount_sandbox
  remove_test_cgroups
  teardown_sandbox
}

# ---------------------------------------------------------------------------------------
# names and environment

@test "the process runs on srun's CPUs and policy, though the init is born SCHED_BATCH and moved off srun's CPU" {
  sh_in_container 'echo cpus=$(awk "/^Cpus_allowed_list/ {print \$2}" /proc/self/status); echo policy=$(awk "{print \$41}" /proc/$$/stat)'
  [ "$(value cpus)" = "$(awk '/^Cpus_allowed_list/ {print $2}' /proc/self/status)" ]
  [ "$(value policy)" = "$(awk '{print $41}' /proc/$$/stat)" ]
  assert_all_gone
  local last
  last=$(($(nproc) - 1))
  if [ "$last" -gt 0 ] && command -v taskset >/dev/null; then
    # srun limited to two CPUs: the process gets both back, not the one create left it.
    set_args sh -c 'echo cpus=$(awk "/^Cpus_allowed_list/ {print \$2}" /proc/self/status)'
    output=$(taskset -c "0,$last" "$SRUN" --root "$ROOT" run --bundle "$BUNDLE" "$ID" </dev/null)
    [ "$(value cpus)" = "0,$last" ] || [ "$(value cpus)" = "0-$last" ]
    assert_all_gone
  fi
  # The policy goes back to SCHED_OTHER with srun's nice value.
  set_args sh -c 'echo nice=$(awk "{print \$19}" /proc/$$/stat)'
  output=$(nice -n 3 "$SRUN" --root "$ROOT" run --bundle "$BUNDLE" "$ID" </dev/null)
  [ "$(value nice)" = 3 ]
  assert_all_gone
}

@test "hostname and domainname are the config's" {
  cfg '.hostname = "bats-host" | .domainname = "bats.example"'
  sh_in_container 'echo "host=$(hostname)"; echo "domain=$(cat /proc/sys/kernel/domainname)"; echo "uname=$(uname -n)"'
  [ "$(value host)" = bats-host ]
  [ "$(value domain)" = bats.example ]
  [ "$(value uname)" = bats-host ]
  # The host's names are untouched.
  [ "$(hostname)" != bats-host ]
  [ "$(cat /proc/sys/kernel/domainname)" != bats.example ]
  assert_all_gone
}

@test "the environment is exactly the config's env plus HOME, nothing of srun's" {
  cfg '.process.env = ["PATH=/bin", "A=1", "B=two words", "EMPTY=", "TERM=dumb"]'
  set_args sh -c 'tr "\0" "\n" < /proc/1/environ; echo "--"; echo "$B"'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  local env=${output%%$'\n'--*}
  [ "$(sort <<<"$env")" = "$(printf '%s\n' "A=1" "B=two words" "EMPTY=" "HOME=/root" "PATH=/bin" "TERM=dumb")" ] || { echo "env:"; echo "$env"; return 1; }
  [ "${output##*$'\n'}" = "two words" ]

  # The caller's environment does not leak in.
  set_args sh -c 'tr "\0" "\n" < /proc/1/environ'
  N=$((N + 1))
  SRUN_BATS_SECRET=leaked timeout 30 "$SRUN" --root "$ROOT" run --bundle "$BUNDLE" "$ID" </dev/null >"$SANDBOX/env.out" 2>&1
  ! grep -q SRUN_BATS_SECRET "$SANDBOX/env.out" || return 1
  assert_all_gone
}

@test "HOME comes from the container's /etc/passwd unless env sets it" {
  echo 'bats:x:1000:1000:bats user:/home/bats:/bin/sh' >>"$BUNDLE/rootfs/etc/passwd"
  cfg '.process.env = ["PATH=/bin"]'
  sh_in_container 'echo "home=$HOME"'
  [ "$(value home)" = /root ]

  cfg '.process.user = {"uid": 1000, "gid": 1000}'
  sh_in_container 'echo "home=$HOME"'
  [ "$(value home)" = /home/bats ]

  # A uid with no passwd entry gets /.
  cfg '.process.user = {"uid": 4242, "gid": 4242}'
  sh_in_container 'echo "home=$HOME"'
  [ "$(value home)" = / ]

  # HOME in env wins, once.
  cfg '.process.user = {"uid": 1000, "gid": 1000} | .process.env = ["PATH=/bin", "HOME=/custom"]'
  sh_in_container 'echo "home=$HOME"; echo "count=$(env | grep -c ^HOME=)"'
  [ "$(value home)" = /custom ]
  [ "$(value count)" = 1 ]
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# working directory, user, umask, limits, privileges

@test "cwd is the process's working directory, created when it does not exist" {
  mkdir -p "$BUNDLE/rootfs/srv/app"
  cfg '.process.cwd = "/srv/app"'
  sh_in_container 'echo "pwd=$(pwd)"; echo "physical=$(pwd -P)"'
  [ "$(value pwd)" = /srv/app ]
  [ "$(value physical)" = /srv/app ]

  # Missing, under a read-only root: made before the root turns read-only.
  [ "$(jq -r .root.readonly "$BUNDLE/config.json")" = true ]
  cfg '.process.cwd = "/does/not/exist/yet"'
  sh_in_container 'echo "pwd=$(pwd -P)"'
  [ "$(value pwd)" = /does/not/exist/yet ]
  assert_all_gone
}

@test "user sets uid, gid and exactly the additional gids" {
  cfg '.process.user = {"uid": 1000, "gid": 1001, "additionalGids": [2000, 3000]}'
  sh_in_container 'echo "uid=$(id -u)"; echo "gid=$(id -g)"; grep -E "^(Uid|Gid|Groups):" /proc/self/status | tr "\t" " " | tr -s " " | sed "s/ \$//; s/: /=/"'
  [ "$(value uid)" = 1000 ]
  [ "$(value gid)" = 1001 ]
  [ "$(value Uid)" = "1000 1000 1000 1000" ]
  [ "$(value Gid)" = "1001 1001 1001 1001" ]
  [ "$(value Groups)" = "2000 3000" ]

  # Without additionalGids: no supplementary groups at all, whatever the caller has.
  cfg '.process.user = {"uid": 1000, "gid": 1001}'
  sh_in_container 'echo "groups=$(grep ^Groups: /proc/self/status | cut -f2 | tr -d " ")"'
  [ "$(value groups)" = "" ]
  assert_all_gone
}

@test "umask is the config's; without one the caller's is kept" {
  cfg '.process.user.umask = 23'   # 0027
  sh_in_container 'echo "umask=$(umask)"; touch /dev/shm/f; echo "mode=$(stat -c %a /dev/shm/f)"'
  [ "$(value umask)" = 0027 ]
  [ "$(value mode)" = 640 ]
  cfg '.process.user.umask = 0'
  sh_in_container 'echo "umask=$(umask)"'
  [ "$(value umask)" = 0000 ]
  # runtime-spec config.md: "If unspecified, the umask should not be changed from the
  # calling process' umask" (runc 1.1 sets 0022 instead).
  cfg 'del(.process.user.umask)'
  set_args sh -c 'echo "umask=$(umask)"'
  (umask 0077 && timeout 30 "$SRUN" --root "$ROOT" run --bundle "$BUNDLE" "$ID" </dev/null >"$SANDBOX/umask.out" 2>&1)
  output=$(cat "$SANDBOX/umask.out")
  [ "$(value umask)" = 0077 ]
  assert_all_gone
}

@test "rlimits set soft and hard limits" {
  cfg '.process.rlimits = [{"type": "RLIMIT_NOFILE", "soft": 100, "hard": 200}, {"type": "RLIMIT_CORE", "soft": 0, "hard": 4096}, {"type": "RLIMIT_NPROC", "soft": 300, "hard": 400}]'
  sh_in_container 'echo "nofile=$(ulimit -n)"; echo "nofile_hard=$(ulimit -Hn)"; grep -E "^Max (open files|core file size|processes)" /proc/self/limits | awk "{print \$(NF-2) \"/\" \$(NF-1) \"/\" \$NF}" | sed "s/^/limit=/"'
  [ "$(value nofile)" = 100 ]
  [ "$(value nofile_hard)" = 200 ]
  grep -qx 'limit=100/200/files' <<<"$output"
  grep -qx 'limit=0/4096/bytes' <<<"$output"
  grep -qx 'limit=300/400/processes' <<<"$output"
  assert_all_gone
}

@test "noNewPrivileges sets NoNewPrivs, and only when true" {
  cfg '.process.noNewPrivileges = true'
  sh_in_container 'grep ^NoNewPrivs: /proc/self/status | tr -d "\t " | tr : ='
  [ "$(value NoNewPrivs)" = 1 ]
  cfg '.process.noNewPrivileges = false'
  sh_in_container 'grep ^NoNewPrivs: /proc/self/status | tr -d "\t " | tr : ='
  [ "$(value NoNewPrivs)" = 0 ]
  cfg 'del(.process.noNewPrivileges)'
  sh_in_container 'grep ^NoNewPrivs: /proc/self/status | tr -d "\t " | tr : ='
  [ "$(value NoNewPrivs)" = 0 ]
  assert_all_gone
}

@test "oomScoreAdj sets /proc/self/oom_score_adj" {
  cfg '.process.oomScoreAdj = 500'
  sh_in_container 'echo "adj=$(cat /proc/self/oom_score_adj)"'
  [ "$(value adj)" = 500 ]
  cfg '.process.oomScoreAdj = 0'
  sh_in_container 'echo "adj=$(cat /proc/self/oom_score_adj)"'
  [ "$(value adj)" = 0 ]
  # Lowering it needs CAP_SYS_RESOURCE, which this VM's bounding set may lack (runc fails too).
  if (( (0x$(awk '/^CapEff:/ {print $2}' /proc/self/status) >> 24) & 1 )); then
    cfg '.process.oomScoreAdj = -200'
    sh_in_container 'echo "adj=$(cat /proc/self/oom_score_adj)"'
    [ "$(value adj)" = -200 ]
  fi
  assert_all_gone
}

@test "sysctl is applied in the container's namespaces, with the default read-only /proc/sys" {
  [ "$(jq -r '.linux.readonlyPaths | index("/proc/sys") != null' "$BUNDLE/config.json")" = true ]
  cfg '.linux.sysctl = {"net.ipv4.ip_forward": "1", "kernel.shmmax": "123456789"}'
  local host_forward host_shmmax
  host_forward=$(cat /proc/sys/net/ipv4/ip_forward)
  host_shmmax=$(cat /proc/sys/kernel/shmmax)
  sh_in_container 'echo "forward=$(cat /proc/sys/net/ipv4/ip_forward)"; echo "shmmax=$(cat /proc/sys/kernel/shmmax)"; echo 0 > /proc/sys/net/ipv4/ip_forward 2>/dev/null && echo sys=writable || echo sys=readonly'
  [ "$(value forward)" = 1 ]
  [ "$(value shmmax)" = 123456789 ]
  [ "$(value sys)" = readonly ]
  # The host's values did not change.
  [ "$(cat /proc/sys/net/ipv4/ip_forward)" = "$host_forward" ]
  [ "$(cat /proc/sys/kernel/shmmax)" = "$host_shmmax" ]
  assert_all_gone
}

@test "sysctl without readonlyPaths works the same" {
  cfg '.linux.readonlyPaths = [] | .linux.sysctl = {"net.ipv4.ip_forward": "1"}'
  sh_in_container 'echo "forward=$(cat /proc/sys/net/ipv4/ip_forward)"'
  [ "$(value forward)" = 1 ]
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# /dev

@test "/dev has the default devices and links" {
  sh_in_container '
    for d in null zero full random urandom tty; do echo "$d=$(stat -c "%F %t:%T %a %u:%g" /dev/$d)"; done
    for l in fd stdin stdout stderr ptmx; do echo "$l=$(readlink /dev/$l)"; done
    echo x > /dev/null && echo "write_null=ok"
    echo "read_zero=$(head -c 4 /dev/zero | od -An -tx1 | tr -d " ")"
    echo x 2>/dev/null > /dev/full && echo "write_full=ok" || echo "write_full=ENOSPC"
    echo "urandom_bytes=$(head -c 8 /dev/urandom | wc -c | tr -d " ")"'
  local d
  for d in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
    [ "$(value "${d%%:*}")" = "character special file ${d#*:} 666 0:0" ] || { echo "$d: $(value "${d%%:*}")"; return 1; }
  done
  [ "$(value fd)" = /proc/self/fd ]
  [ "$(value stdin)" = /proc/self/fd/0 ]
  [ "$(value stdout)" = /proc/self/fd/1 ]
  [ "$(value stderr)" = /proc/self/fd/2 ]
  [ "$(value ptmx)" = pts/ptmx ]
  [ "$(value write_null)" = ok ]
  [ "$(value read_zero)" = 00000000 ]
  [ "$(value write_full)" = ENOSPC ]
  [ "$(value urandom_bytes)" = 8 ]
  # Nothing was made in the bundle's rootfs: /dev is the container's tmpfs.
  [ -z "$(ls -A "$BUNDLE/rootfs/dev")" ]
  assert_all_gone
}

@test "linux.devices entries are created with their type, numbers, mode and owner" {
  cfg '.linux.devices = [
    {"path": "/dev/bats-null", "type": "c", "major": 1, "minor": 3, "fileMode": 432, "uid": 1000, "gid": 1001},
    {"path": "/dev/sub/dir/bats-zero", "type": "c", "major": 1, "minor": 5, "fileMode": 420},
    {"path": "/dev/bats-fifo", "type": "p", "fileMode": 384}]'
  sh_in_container '
    echo "null=$(stat -c "%F %t:%T %a %u:%g" /dev/bats-null)"
    echo "zero=$(stat -c "%F %t:%T %a %u:%g" /dev/sub/dir/bats-zero)"
    echo "fifo=$(stat -c "%F %a" /dev/bats-fifo)"
    # Root without CAP_DAC_OVERRIDE (the default config) writes to the root-owned one.
    echo x > /dev/sub/dir/bats-zero && echo "write=ok"
    echo "read=$(head -c 2 /dev/sub/dir/bats-zero | od -An -tx1 | tr -d " ")"'
  [ "$(value null)" = "character special file 1:3 660 1000:1001" ]
  [ "$(value zero)" = "character special file 1:5 644 0:0" ]
  [ "$(value fifo)" = "fifo 600" ]
  [ "$(value write)" = ok ]
  [ "$(value read)" = 0000 ]
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# pid 1, fds, executable

@test "the process is pid 1 in its pid namespace" {
  set_args sh -c 'echo "pid=$$"; echo "ppid=$PPID"; echo "comm=$(cat /proc/1/comm)"; echo "count=$(ls -d /proc/[0-9]* | wc -l)"; sleep 100'
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  local out=$OUT
  run srun start "$ID"
  [ "$status" -eq 0 ]
  local pid
  pid=$("$SRUN" --root "$ROOT" state "$ID" | jq -r .pid)
  PIDS+=("$pid")
  wait_for grep -q '^count=' "$out"
  output=$(cat "$out")
  [ "$(value pid)" = 1 ]
  [ "$(value ppid)" = 0 ]
  [ "$(value comm)" = sh ]
  # sh, its command substitution, ls and wc: nothing else in the namespace.
  [ "$(value count)" -le 4 ]
  # On the host it is the pid state reports, in its own pid namespace.
  [ "$(readlink "/proc/$pid/ns/pid")" != "$(readlink /proc/self/ns/pid)" ]
  grep -qE '^NSpid:\s+'"$pid"'\s+1$' "/proc/$pid/status"
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
}

# Runs the container with fds 3, 4, 5 of the caller open on three files and srun's extra
# arguments $@; the container prints each of its fds 3-6 and then all of pid 1's fds.
run_with_fds() {
  printf three >"$SANDBOX/f3"
  printf four >"$SANDBOX/f4"
  printf five >"$SANDBOX/f5"
  set_args sh -c 'for f in 3 4 5 6; do if [ -e /proc/1/fd/$f ]; then echo "fd$f=$(cat /proc/1/fd/$f)"; else echo "fd$f=closed"; fi; done; echo "listen=${LISTEN_FDS-unset}/${LISTEN_PID-unset}"; echo "--"; ls /proc/1/fd; echo end'
  status=0
  (
    exec 3<"$SANDBOX/f3" 4<"$SANDBOX/f4" 5<"$SANDBOX/f5"
    exec timeout 30 "$SRUN" --root "$ROOT" run "$@" --bundle "$BUNDLE" "$ID"
  ) </dev/null >"$SANDBOX/fds.out" 2>"$SANDBOX/fds.err" || status=$?
  output=$(cat "$SANDBOX/fds.out")
  stderr=$(cat "$SANDBOX/fds.err")
  [ "$status" -eq 0 ] || { echo "exit $status: $stderr"; return 1; }
  FDS=$(sed -n '/^--$/,/^end$/p' <<<"$output" | grep -vxE -- '--|end' | sort -n | tr '\n' ' ')
}

@test "--preserve-fds 2 passes fds 3 and 4 and nothing above" {
  run_with_fds --preserve-fds 2
  [ "$(value fd3)" = three ]
  [ "$(value fd4)" = four ]
  [ "$(value fd5)" = closed ]
  [ "$(value fd6)" = closed ]
  [ "$FDS" = "0 1 2 3 4 " ] || { echo "fds: $FDS"; return 1; }
  [ "$(value listen)" = unset/unset ]
  assert_all_gone
}

@test "fds the caller leaks without --preserve-fds do not reach the container" {
  run_with_fds
  [ "$(value fd3)" = closed ]
  [ "$(value fd4)" = closed ]
  [ "$(value fd5)" = closed ]
  [ "$FDS" = "0 1 2 " ] || { echo "fds: $FDS"; return 1; }
  run_with_fds --preserve-fds 0
  [ "$FDS" = "0 1 2 " ] || { echo "fds: $FDS"; return 1; }
  assert_all_gone
}

@test "--preserve-fds naming an fd that is not open fails and leaves nothing" {
  set_args true
  srun_files run --preserve-fds 5 --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "*"preserve-fds"* ]]
  assert_all_gone
}

@test "socket activation: LISTEN_FDS=1 passes fd 3 with LISTEN_FDS=1 and LISTEN_PID=1" {
  # LISTEN_PID names srun itself, as systemd sets it: the subshell execs srun.
  printf three >"$SANDBOX/f3"
  printf four >"$SANDBOX/f4"
  set_args sh -c 'for f in 3 4; do if [ -e /proc/1/fd/$f ]; then echo "fd$f=$(cat /proc/1/fd/$f)"; else echo "fd$f=closed"; fi; done; echo "listen=${LISTEN_FDS-unset}/${LISTEN_PID-unset}"; echo "--"; ls /proc/1/fd; echo end'
  status=0
  (
    exec 3<"$SANDBOX/f3" 4<"$SANDBOX/f4"
    export LISTEN_FDS=1 LISTEN_PID=$BASHPID
    exec "$SRUN" --root "$ROOT" run --bundle "$BUNDLE" "$ID"
  ) </dev/null >"$SANDBOX/fds.out" 2>"$SANDBOX/fds.err" || status=$?
  output=$(cat "$SANDBOX/fds.out")
  [ "$status" -eq 0 ] || { echo "exit $status: $(cat "$SANDBOX/fds.err")"; return 1; }
  [ "$(value listen)" = 1/1 ]
  [ "$(value fd3)" = three ] || { echo "$output"; return 1; }
  [ "$(value fd4)" = closed ]
  assert_all_gone
}

@test "args[0] is looked up on the container's PATH" {
  mkdir -p "$BUNDLE/rootfs/opt/bats/bin"
  printf '#!/bin/sh\necho "hello from $0"\n' >"$BUNDLE/rootfs/opt/bats/bin/bats-hello"
  chmod 755 "$BUNDLE/rootfs/opt/bats/bin/bats-hello"
  cfg '.process.env = ["PATH=/opt/bats/bin:/bin"]'
  in_container bats-hello
  [ "$output" = "hello from /opt/bats/bin/bats-hello" ]
  in_container busybox echo via-path
  [ "$output" = via-path ]
  # Not on the container's PATH: not found, whatever the host's PATH has.
  cfg '.process.env = ["PATH=/bin"]'
  set_args bats-hello
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"bats-hello"* ]]
  assert_all_gone
}

@test "a missing executable fails with a non-zero status and names it" {
  set_args no-such-program-bats
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"no-such-program-bats"* ]] || { echo "$stderr"; return 1; }
  run srun state "$ID"
  [ "$status" -eq 1 ]
  assert_all_gone

  set_args /bin/no-such-program-bats
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"/bin/no-such-program-bats"* ]]

  # create may refuse it, or start must: either way an error and nothing left after delete.
  srun_files create --bundle "$BUNDLE" "$ID"
  if [ "$status" -eq 0 ]; then
    run --separate-stderr srun start "$ID"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"no-such-program-bats"* ]] || { echo "$stderr"; return 1; }
    run srun delete --force "$ID"
    [ "$status" -eq 0 ]
  else
    [[ "$stderr" == *"no-such-program-bats"* ]]
  fi
  # A file that is not executable.
  printf 'data\n' >"$BUNDLE/rootfs/bin/not-exec"
  set_args /bin/not-exec
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"not-exec"* ]]
  assert_all_gone
}
