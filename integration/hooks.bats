#!/usr/bin/env bats
# Hooks (config.md "POSIX-platform Hooks", runtime.md "Lifecycle"): all six kinds, in
# order, with the state on stdin, their args and env, where they run, and what a failing
# or hanging hook does to create, start and delete. Every test ends with the container
# deleted and nothing left on the host.
#
# The hook scripts live on the host in $SANDBOX/hooks, which is also bound into the
# container at the same path: startContainer hooks run after pivot_root, where the spec
# says their path "MUST resolve in the container namespace".

bats_require_minimum_version 1.5.0

HOOK_KINDS=(prestart createRuntime createContainer startContainer poststart poststop)

setup_file() {
  load helpers
  load container-helpers
  make_template
}

setup() {
  load helpers
  load container-helpers
  sandbox_from_template
  HOOKS=$SANDBOX/hooks
  LOG=$HOOKS/hooks.log
  mkdir -p "$HOOKS"
  BUSYBOX=$(command -v busybox)
  write_hooks
  cfg --arg h "$HOOKS" '.mounts += [{"destination": $h, "type": "bind", "source": $h, "options": ["rbind"]}] | .hostname = "hook-host"'
  PIDS=()
  N=0
}

teardown() {
  "$SRUN" --root "$ROOT" delete --force "$ID" >/dev/null 2>&1 || true
  unmount_sandbox
  remove_test_cgroups
  # A hook that outlived its timeout: only ours, by the pid it wrote.
  local f pid
  for f in "$HOOKS"/*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    if [ "$({ tr -d '\0' <"/proc/$pid/cmdline"; } 2>/dev/null)" = sleep10 ]; then kill -9 "$pid" 2>/dev/null || true; fi
  done
  teardown_sandbox
}

# ---------------------------------------------------------------------------------------
# helpers

# POSIX sh, run by the host's /bin/sh or, in the container, by busybox.
write_hooks() {
  # log.sh KIND [EXIT]: one line in hooks.log: KIND, the state read on stdin, and the hook's
  # mount, uts and pid namespaces and hostname, tab-separated; then exits EXIT.
  cat >"$HOOKS/log.sh" <<EOF
#!/bin/sh
state=\$(cat)
printf '%s\t%s\t%s\t%s\t%s\t%s\n' "\$1" "\$(printf %s "\$state" | tr -d '\n')" "\$(readlink /proc/self/ns/mnt)" "\$(readlink /proc/self/ns/uts)" "\$(readlink /proc/self/ns/pid)" "\$(hostname)" >>"$LOG"
[ -z "\$2" ] || echo "hook \$1 fails on purpose" >&2
exit \${2:-0}
EOF
  # sleep.sh NAME: writes its pid (as the host sees it, read through the host's /proc
  # even from inside a pid namespace) to NAME.pid and sleeps 10 s.
  cat >"$HOOKS/sleep.sh" <<EOF
#!/bin/sh
cat >/dev/null
read -r pid rest </proc/self/stat
echo "\$pid" >"$HOOKS/\$1.pid"
exec sleep 10
EOF
  chmod 755 "$HOOKS/log.sh" "$HOOKS/sleep.sh"
}

# A hook entry for log.sh: hook KIND [EXIT].
hook() {
  jq -nc --arg p "$HOOKS/log.sh" --arg k "$1" --arg e "${2:-}" '{path: $p, args: (["log.sh", $k] + (if $e == "" then [] else [$e] end))}'
}

# Sets hooks.KIND to the given entries: set_hooks KIND ENTRY...
set_hooks() {
  local kind=$1
  shift
  local list
  list=$(printf '%s\n' "$@" | jq -sc .)
  cfg --arg k "$kind" --argjson l "$list" '.hooks[$k] = $l'
}

# Every kind logs itself, none fails.
all_hooks() {
  local k
  for k in "${HOOK_KINDS[@]}"; do set_hooks "$k" "$(hook "$k")"; done
}

# The kinds in hooks.log, space-separated, in order.
logged_kinds() {
  [ -f "$LOG" ] || return 0
  cut -f1 "$LOG" | tr '\n' ' ' | sed 's/ $//'
}

# Field $2 of the log line of kind $1 (2 state, 3 mnt ns, 4 uts ns, 5 pid ns, 6 hostname).
logged() {
  awk -F'\t' -v k="$1" -v f="$2" '$1 == k {print $f; exit}' "$LOG"
}

# jq on the state a hook of kind $1 read.
state_of() {
  logged "$1" 2 | jq -r "$2"
}

create_container() {
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "create: exit $status: $stderr"; return 1; }
  CONTAINER_OUT=$OUT
  PID=$("$SRUN" --root "$ROOT" state "$ID" | jq -r .pid)
  PIDS+=("$PID")
}

# ---------------------------------------------------------------------------------------
# all six

@test "all six hook kinds run in order, each reading the state on stdin" {
  all_hooks
  cfg '.annotations = {"org.example.hooks": "yes"}'
  set_args sh -c 'echo user-process; sleep 100'
  create_container
  [ "$(logged_kinds)" = "prestart createRuntime createContainer" ]
  run --separate-stderr srun start "$ID"
  [ "$status" -eq 0 ] || { echo "start: $stderr"; return 1; }
  [ -z "$stderr" ]
  [ "$(logged_kinds)" = "prestart createRuntime createContainer startContainer poststart" ]
  wait_for grep -q user-process "$CONTAINER_OUT"
  run --separate-stderr srun delete --force "$ID"
  [ "$status" -eq 0 ] || { echo "delete: $stderr"; return 1; }
  [ "$(logged_kinds)" = "prestart createRuntime createContainer startContainer poststart poststop" ]

  local k
  for k in "${HOOK_KINDS[@]}"; do
    [ "$(state_of "$k" .ociVersion)" = 1.2.0 ] || { echo "$k: $(logged "$k" 2)"; return 1; }
    [ "$(state_of "$k" .id)" = "$ID" ] || { echo "$k: $(logged "$k" 2)"; return 1; }
    [ "$(state_of "$k" .bundle)" = "$BUNDLE" ] || { echo "$k: $(logged "$k" 2)"; return 1; }
    [ "$(state_of "$k" '.annotations["org.example.hooks"]')" = yes ] || { echo "$k: $(logged "$k" 2)"; return 1; }
  done
  # status: creating until create returns, created before the process runs, then running, stopped.
  [ "$(state_of prestart .status)" = creating ]
  [ "$(state_of createRuntime .status)" = creating ]
  [ "$(state_of createContainer .status)" = creating ]
  [ "$(state_of poststart .status)" = running ]
  [ "$(state_of poststop .status)" = stopped ]
  # pid: the container process as the host sees it (runc gives 1, the namespace's view, to
  # the hooks that run inside the container).
  [ "$(state_of prestart .pid)" = "$PID" ]
  [ "$(state_of createRuntime .pid)" = "$PID" ]
  [ "$(state_of poststart .pid)" = "$PID" ]
  [[ "$(state_of createContainer .pid)" =~ ^($PID|1)$ ]]
  [[ "$(state_of startContainer .pid)" =~ ^($PID|1)$ ]]
  assert_all_gone
  # Last, so that a failure here hides no other: startContainer runs during start, from
  # `created` (runc passes "created").
  [ "$(state_of startContainer .status)" = created ] || { echo "startContainer: $(logged startContainer 2)"; return 1; }
}

@test "prestart, createRuntime, poststart and poststop run in the runtime's namespaces; createContainer and startContainer in the container's" {
  all_hooks
  set_args sleep 100
  create_container
  local container_mnt container_uts container_pid host_mnt host_uts host_pid
  container_mnt=$(readlink "/proc/$PID/ns/mnt")
  container_uts=$(readlink "/proc/$PID/ns/uts")
  container_pid=$(readlink "/proc/$PID/ns/pid")
  host_mnt=$(readlink /proc/self/ns/mnt)
  host_uts=$(readlink /proc/self/ns/uts)
  host_pid=$(readlink /proc/self/ns/pid)
  run srun start "$ID"
  [ "$status" -eq 0 ]
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]

  local k
  for k in prestart createRuntime poststart poststop; do
    [ "$(logged "$k" 3)" = "$host_mnt" ] || { echo "$k mnt: $(logged "$k" 3)"; return 1; }
    [ "$(logged "$k" 4)" = "$host_uts" ] || { echo "$k uts: $(logged "$k" 4)"; return 1; }
    [ "$(logged "$k" 5)" = "$host_pid" ] || { echo "$k pid: $(logged "$k" 5)"; return 1; }
    [ "$(logged "$k" 6)" = "$(hostname)" ]
  done
  for k in createContainer startContainer; do
    [ "$(logged "$k" 3)" = "$container_mnt" ] || { echo "$k mnt: $(logged "$k" 3), container $container_mnt"; return 1; }
    [ "$(logged "$k" 3)" != "$host_mnt" ]
    [ "$(logged "$k" 4)" = "$container_uts" ] || { echo "$k uts: $(logged "$k" 4)"; return 1; }
    [ "$(logged "$k" 5)" = "$container_pid" ] || { echo "$k pid: $(logged "$k" 5)"; return 1; }
  done
  # By startContainer the container's hostname is set.
  [ "$(logged startContainer 6)" = hook-host ]
  assert_all_gone
}

@test "createContainer and startContainer hooks alone still read the state (it is written only for hooks that read it)" {
  set_hooks createContainer "$(hook createContainer)"
  set_hooks startContainer "$(hook startContainer)"
  set_args true
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "exit $status: $stderr"; return 1; }
  [ "$(logged_kinds)" = "createContainer startContainer" ]
  [ "$(state_of createContainer .id)" = "$ID" ] || { echo "createContainer: $(logged createContainer 2)"; return 1; }
  [ "$(state_of createContainer .status)" = creating ]
  [ "$(state_of startContainer .id)" = "$ID" ] || { echo "startContainer: $(logged startContainer 2)"; return 1; }
  [ "$(state_of startContainer .status)" = created ]
  assert_all_gone
}

@test "hooks of one kind run in the order given" {
  set_hooks prestart "$(hook first)" "$(hook second)" "$(hook third)"
  set_hooks poststop "$(hook stop-1)" "$(hook stop-2)"
  set_args true
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(logged_kinds)" = "first second third stop-1 stop-2" ]
  assert_all_gone
}

@test "hook args and env are passed as given: args[0] is argv[0], env is the whole environment" {
  local script='tr "\0" "\n" < /proc/$$/cmdline > "$0.args"; tr "\0" "\n" < /proc/$$/environ > "$0.env"; cat > "$0.stdin"'
  local entry
  entry=$(jq -nc --arg p "$BUSYBOX" --arg s "$script" --arg o "$HOOKS/prestart" \
    '{path: $p, args: ["sh", "-c", $s, $o, "arg 1", "--flag"], env: ["HOOK_A=1", "HOOK_B=two words", "PATH=/usr/bin:/bin"]}')
  set_hooks prestart "$entry"
  entry=$(jq -nc --arg p "$BUSYBOX" --arg s "$script" --arg o "$HOOKS/poststop" '{path: $p, args: ["sh", "-c", $s, $o]}')
  set_hooks poststop "$entry"
  set_args true
  SRUN_BATS_SECRET=leaked srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }

  [ "$(cat "$HOOKS/prestart.args")" = "$(printf '%s\n' sh -c "$script" "$HOOKS/prestart" "arg 1" --flag)" ] || { cat "$HOOKS/prestart.args"; return 1; }
  [ "$(sort "$HOOKS/prestart.env")" = "$(printf '%s\n' HOOK_A=1 "HOOK_B=two words" PATH=/usr/bin:/bin)" ] || { cat "$HOOKS/prestart.env"; return 1; }
  jq -e --arg id "$ID" '.id == $id and .status == "creating"' "$HOOKS/prestart.stdin" >/dev/null
  [ "$(head -n 1 "$HOOKS/poststop.args")" = sh ]
  jq -e '.status == "stopped"' "$HOOKS/poststop.stdin" >/dev/null
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# failing hooks

# create must fail because of hook kind $1 failing: exit 1, the hook named, nothing left,
# and no later step ran.
check_failing_create_hook() {
  local kind=$1 expected_log=$2
  set_hooks "$kind" "$(hook "$kind" 3)"
  set_args sh -c 'echo user-process'
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ] || { echo "$kind: create exit $status: $stderr"; return 1; }
  # srun's message (the hook's own stderr may come before it) names the kind and the hook.
  local message
  message=$(grep '^srun: ' <<<"$stderr" | tail -n 1)
  [[ "$message" == *"$kind"* ]] || { echo "$kind: message does not name the hook kind: $stderr"; return 1; }
  [[ "$message" == *"$HOOKS/log.sh"* ]] || { echo "$kind: message does not name the hook: $stderr"; return 1; }
  [ -z "$output" ]
  [[ "$(logged_kinds)" == "$expected_log"* ]] || { echo "$kind: hooks run: $(logged_kinds)"; return 1; }
  [[ "$(logged_kinds)" != *startContainer* && "$(logged_kinds)" != *poststart* ]]
  run srun state "$ID"
  [ "$status" -eq 1 ]
  assert_all_gone
}

@test "a failing prestart hook fails create and leaves nothing" {
  set_hooks createRuntime "$(hook createRuntime)"
  set_hooks createContainer "$(hook createContainer)"
  check_failing_create_hook prestart "prestart"
}

@test "a failing createRuntime hook fails create and leaves nothing" {
  set_hooks prestart "$(hook prestart)"
  set_hooks createContainer "$(hook createContainer)"
  check_failing_create_hook createRuntime "prestart createRuntime"
}

@test "a failing createContainer hook fails create and leaves nothing" {
  set_hooks prestart "$(hook prestart)"
  set_hooks createRuntime "$(hook createRuntime)"
  check_failing_create_hook createContainer "prestart createRuntime createContainer"
}

@test "a failing createContainer hook fails run too, with a non-zero status, and leaves nothing" {
  set_hooks createContainer "$(hook createContainer 3)"
  set_args sh -c 'echo user-process'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *createContainer* ]]
  [[ "$output" != *user-process* ]]
  assert_all_gone
}

@test "after a failing create hook the container is destroyed and poststop hooks run (runtime.md lifecycle 12-13)" {
  # runc does the same: its destroy runs the poststop hooks.
  set_hooks prestart "$(hook prestart 3)"
  set_hooks poststop "$(hook poststop)"
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [ "$(logged_kinds)" = "prestart poststop" ] || { echo "hooks run: $(logged_kinds)"; return 1; }
  [ "$(state_of poststop .status)" = stopped ]
  assert_all_gone
}

@test "a missing hook executable fails create and leaves nothing" {
  set_hooks prestart "$(jq -nc --arg p "$HOOKS/no-such-hook" '{path: $p}')"
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"$HOOKS/no-such-hook"* ]]
  assert_all_gone
}

@test "a failing startContainer hook fails start; the process never runs and delete cleans up" {
  set_hooks startContainer "$(hook startContainer 3)"
  set_hooks poststart "$(hook poststart)"
  set_args sh -c 'echo user-process; sleep 100'
  create_container
  run --separate-stderr timeout 10 "$SRUN" --root "$ROOT" start "$ID"
  [ "$status" -eq 1 ] || { echo "start: exit $status: $stderr"; return 1; }
  grep -q '^srun: .*startContainer' <<<"$stderr" || { echo "$stderr"; return 1; }
  [ "$(logged_kinds)" = startContainer ]
  sleep 0.2
  [ ! -s "$CONTAINER_OUT" ] || { echo "the process ran: $(cat "$CONTAINER_OUT")"; return 1; }
  run srun state "$ID"
  if [ "$status" -eq 0 ]; then
    [ "$(jq -r .status <<<"$output")" = stopped ] || { echo "after a failed start: $output"; return 1; }
  fi
  run --separate-stderr srun delete "$ID"
  [ "$status" -eq 0 ] || { echo "delete: $stderr"; return 1; }
  assert_all_gone
}

@test "a failing poststart hook only warns: start exits 0 and the container runs" {
  set_hooks poststart "$(hook poststart 3)" "$(hook poststart-2)"
  set_args sh -c 'echo user-process; sleep 100'
  create_container
  run --separate-stderr srun start "$ID"
  [ "$status" -eq 0 ] || { echo "start: exit $status: $stderr"; return 1; }
  [[ "$stderr" == *poststart* ]] || { echo "no warning: $stderr"; return 1; }
  [ "$("$SRUN" --root "$ROOT" state "$ID" | jq -r .status)" = running ]
  wait_for grep -q user-process "$CONTAINER_OUT"
  local kinds
  kinds=$(logged_kinds)
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
  # config.md: "the remaining hooks and lifecycle continue as if the hook had succeeded".
  [ "$kinds" = "poststart poststart-2" ] || { echo "hooks run: $kinds"; return 1; }
}

@test "a failing poststop hook only warns: delete exits 0 and removes everything" {
  set_hooks poststop "$(hook poststop 3)" "$(hook poststop-2)"
  set_args sleep 100
  create_container
  run srun start "$ID"
  [ "$status" -eq 0 ]
  run --separate-stderr srun delete --force "$ID"
  [ "$status" -eq 0 ] || { echo "delete: exit $status: $stderr"; return 1; }
  [[ "$stderr" == *poststop* ]] || { echo "no warning: $stderr"; return 1; }
  run srun state "$ID"
  [ "$status" -eq 1 ]
  assert_all_gone
  # config.md: "the remaining hooks and lifecycle continue as if the hook had succeeded".
  [ "$(logged_kinds)" = "poststop poststop-2" ] || { echo "hooks run: $(logged_kinds)"; return 1; }
}

# ---------------------------------------------------------------------------------------
# timeouts

# Hook kind $1 sleeps 10 s with timeout 1: create fails within ~2 s and the hook is killed.
check_hook_timeout() {
  local kind=$1
  local entry
  entry=$(jq -nc --arg p "$HOOKS/sleep.sh" --arg k "$kind" '{path: $p, args: ["sleep.sh", $k], timeout: 1}')
  set_hooks "$kind" "$entry"
  set_args true
  local t0 elapsed
  t0=$(date +%s%N)
  srun_files create --bundle "$BUNDLE" "$ID"
  elapsed=$((($(date +%s%N) - t0) / 1000000))
  [ "$status" -eq 1 ] || { echo "$kind: create exit $status after ${elapsed}ms: $stderr"; return 1; }
  [ "$elapsed" -lt 2500 ] || { echo "$kind: create took ${elapsed}ms"; return 1; }
  [ "$elapsed" -ge 900 ] || { echo "$kind: create gave up after ${elapsed}ms, before the timeout"; return 1; }
  [[ "$stderr" == *"$kind"* ]] || { echo "$stderr"; return 1; }
  [[ "$stderr" =~ time ]] || { echo "message does not say it timed out: $stderr"; return 1; }
  [ -f "$HOOKS/$kind.pid" ]
  local hook_pid
  hook_pid=$(cat "$HOOKS/$kind.pid")
  wait_for exited "$hook_pid" || { echo "the hook still runs: $(cat "/proc/$hook_pid/cmdline" | tr '\0' ' ')"; return 1; }
  assert_all_gone
}

@test "a prestart hook past its timeout is killed and create fails within ~2 s" {
  check_hook_timeout prestart
}

@test "a createContainer hook past its timeout is killed and create fails within ~2 s" {
  check_hook_timeout createContainer
}

@test "a hook within its timeout succeeds" {
  local entry
  entry=$(jq -nc --arg p "$HOOKS/log.sh" '{path: $p, args: ["log.sh", "prestart"], timeout: 5}')
  set_hooks prestart "$entry"
  set_args true
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(logged_kinds)" = prestart ]
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# poststop

@test "poststop runs on delete of a stopped container, once, after the state is gone" {
  local entry
  entry=$(jq -nc --arg p "$BUSYBOX" --arg s "$SRUN" --arg r "$ROOT" --arg id "$ID" --arg o "$HOOKS/poststop.state" \
    '{path: $p, args: ["sh", "-c", "cat > /dev/null; \"$0\" --root \"$1\" state \"$2\" > \"$3\" 2>&1; echo \"rc=$?\" >> \"$3\"", $s, $r, $id, $o]}')
  set_hooks poststop "$(hook poststop)" "$entry"
  set_args true
  create_container
  run srun start "$ID"
  [ "$status" -eq 0 ]
  wait_for eval '[ "$("$SRUN" --root "$ROOT" state "$ID" | jq -r .status)" = stopped ]'
  [ "$(logged_kinds)" = "" ]
  run --separate-stderr srun delete "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(logged_kinds)" = poststop ]
  [ "$(state_of poststop .status)" = stopped ]
  # The container no longer exists when poststop runs.
  grep -qx 'rc=1' "$HOOKS/poststop.state" || { cat "$HOOKS/poststop.state"; return 1; }
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  [ "$(logged_kinds)" = poststop ]
  assert_all_gone
}

@test "run runs every hook, poststop last, and returns the process's status" {
  all_hooks
  set_args sh -c 'exit 4'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 4 ] || { echo "exit $status: $stderr"; return 1; }
  [ "$(logged_kinds)" = "prestart createRuntime createContainer startContainer poststart poststop" ]
  assert_all_gone
}

@test "hooks get stdin, stdout and stderr and no other fd of srun's (not its handle on its own binary)" {
  # fds.sh KIND: the fds ls sees in /proc/self/fd, its own directory fd 3 included.
  cat >"$HOOKS/fds.sh" <<EOF2
#!/bin/sh
cat >/dev/null
ls /proc/self/fd | tr '\n' ' ' >"$HOOKS/\$1.fds"
EOF2
  chmod 755 "$HOOKS/fds.sh"
  local k
  for k in prestart createRuntime createContainer startContainer poststart poststop; do
    set_hooks "$k" "$(jq -nc --arg p "$HOOKS/fds.sh" --arg k "$k" '{path: $p, args: ["fds.sh", $k]}')"
  done
  set_args true
  # srun's caller passes fds 0-2 only (bats itself leaks some to what it runs).
  status=0
  (
    for fd in $(ls "/proc/$BASHPID/fd"); do if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi; done
    exec "$SRUN" --root "$ROOT" run --bundle "$BUNDLE" "$ID"
  ) </dev/null >"$SANDBOX/run.out" 2>&1 || status=$?
  [ "$status" -eq 0 ] || { echo "exit $status: $(cat "$SANDBOX/run.out")"; return 1; }
  for k in prestart createRuntime createContainer startContainer poststart poststop; do
    [ "$(cat "$HOOKS/$k.fds")" = "0 1 2 3 " ] || { echo "$k: $(cat "$HOOKS/$k.fds")"; return 1; }
  done
  assert_all_gone
}
