#!/usr/bin/env bats
# The container lifecycle end to end: create, start, run, state, kill, delete, list, and
# every failure path of them. Each test ends with the container deleted and a check that
# nothing is left on the host: no state, mount, cgroup or process.

bats_require_minimum_version 1.5.0

RFC3339='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$'

setup_file() {
  load helpers
  load container-helpers
  make_template
}

setup() {
  load helpers
  load container-helpers
  sandbox_from_template
  IDS=("$ID")   # containers teardown deletes
  PIDS=()       # container processes that must be gone at the end
  BG=()         # background processes this test started
  CGROUP_PARENTS=()
  N=0
}

teardown() {
  local pid id dir
  for pid in "${BG[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for id in "${IDS[@]}"; do "$SRUN" --root "$ROOT" delete --force "$id" >/dev/null 2>&1 || true; done
  # Whatever a broken srun left: never let rm -rf walk into a mount.
  unmount_sandbox
  remove_test_cgroups
  for dir in "${CGROUP_PARENTS[@]}"; do rmdir /sys/fs/cgroup/*/"$dir" 2>/dev/null || true; done
  teardown_sandbox
}

# ---------------------------------------------------------------------------------------
# helpers

field() { "$SRUN" --root "$ROOT" state "$1" | jq -r ".$2"; }
status_is() { [ "$(field "$1" status)" = "$2" ]; }
file_has() { grep -qF -- "$2" "$1"; }
count_lines() { grep -cxF -- "$2" "$1" || true; }
count_is() { [ "$(count_lines "$1" "$2")" -eq "$3" ]; }

# The init's pid from `state` into PID, remembered for the final leak check.
init_pid() {
  PID=$(field "$1" pid)
  [ "$PID" -gt 0 ] || { echo "no pid for $1: $PID"; return 1; }
  PIDS+=("$PID")
}

# create, then start; the container's stdout/stderr end up in CONTAINER_OUT/CONTAINER_ERR,
# its pid (read before start, while it surely runs) in PID.
create_and_start() {
  local id=${1:-$ID}
  shift || true
  srun_files create --bundle "$BUNDLE" "$@" "$id"
  [ "$status" -eq 0 ] || { echo "create: exit $status: $stderr"; return 1; }
  CONTAINER_OUT=$OUT
  CONTAINER_ERR=$ERR
  init_pid "$id"
  run --separate-stderr srun start "$id"
  [ "$status" -eq 0 ] || { echo "start: exit $status: $stderr"; return 1; }
}

# A container program that traps TERM, USR1 and HUP, prints each it gets, and says ready.
TRAPPER='trap "echo got-TERM" TERM; trap "echo got-USR1" USR1; trap "echo got-HUP" HUP; echo ready; while :; do sleep 0.05; done'

# ---------------------------------------------------------------------------------------
# create, start, state

@test "create leaves a created container with a pid, prints nothing, writes a bare pid file" {
  set_args sh -c 'echo started; sleep 100'
  srun_files create --bundle "$BUNDLE" --pid-file "$SANDBOX/pidfile" "$ID"
  [ "$status" -eq 0 ] || { echo "create: exit $status: $stderr"; return 1; }
  [ -z "$output" ]
  [ -z "$stderr" ]
  run --separate-stderr srun state "$ID"
  [ "$status" -eq 0 ]
  local pid
  init_pid "$ID"; pid=$PID
  [ "$(jq -r .status <<<"$output")" = created ]
  [ "$(jq -r .bundle <<<"$output")" = "$BUNDLE" ]
  # The pid file holds the pid alone: no newline.
  [ "$(cat "$SANDBOX/pidfile")" = "$pid" ]
  [ "$(wc -c <"$SANDBOX/pidfile")" -eq "${#pid}" ]
  # The init is alive but has not run the process yet.
  kill -0 "$pid"
  sleep 0.2
  [ ! -s "$OUT" ]
  status_is "$ID" created

  run --separate-stderr srun start "$ID"
  [ "$status" -eq 0 ] || { echo "start: $stderr"; return 1; }
  [ -z "$output" ]
  [ -z "$stderr" ]
  status_is "$ID" running
  [ "$(field "$ID" pid)" = "$pid" ]
  wait_for file_has "$OUT" started

  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  run srun state "$ID"
  [ "$status" -eq 1 ]
  assert_all_gone
}

@test "create with a relative bundle and pid file path, and with the current directory as the default bundle" {
  set_args sh -c 'sleep 100'
  cd "$SANDBOX"
  srun_files create --bundle bundle --pid-file pidfile "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(field "$ID" bundle)" = "$BUNDLE" ]
  [ "$(cat "$SANDBOX/pidfile")" = "$(field "$ID" pid)" ]
  [ "$(field "$ID" rootfs)" = "$BUNDLE/rootfs" ]
  init_pid "$ID"
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]

  cd "$BUNDLE"
  srun_files create "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(field "$ID" bundle)" = "$BUNDLE" ]
  init_pid "$ID"
  cd /
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
}

@test "the process's stdin, stdout and stderr are the caller's fds 0-2 of create" {
  set_args sh -c 'read line; echo "out:$line"; echo "err:$line" >&2'
  echo "hello from stdin" >"$SANDBOX/in"
  STDIN=$SANDBOX/in srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ -z "$output" ] && [ -z "$stderr" ]
  init_pid "$ID"
  local out=$OUT err=$ERR
  run --separate-stderr srun start "$ID"
  [ "$status" -eq 0 ]
  [ -z "$output" ]          # not the caller of start's
  wait_for status_is "$ID" stopped
  [ "$(cat "$out")" = "out:hello from stdin" ]
  [ "$(cat "$err")" = "err:hello from stdin" ]
  run srun delete "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
}

@test "state prints the spec's state object with runc's extra fields" {
  set_args sleep 100
  cfg '.annotations = {"org.example.key": "value", "other": "x y"}'
  local before
  before=$(date -u +%s)
  create_and_start
  run --separate-stderr srun state "$ID"
  [ "$status" -eq 0 ]
  [ -z "$stderr" ]
  local s=$output pid
  init_pid "$ID"; pid=$PID
  jq -e . <<<"$s" >/dev/null
  [ "$(jq -r .ociVersion <<<"$s")" = "1.2.0" ]
  [ "$(jq -r .id <<<"$s")" = "$ID" ]
  [ "$(jq -r '.pid | type' <<<"$s")" = number ]
  [ "$(jq -r .pid <<<"$s")" = "$pid" ]
  [ "$(jq -r .status <<<"$s")" = running ]
  [ "$(jq -r .bundle <<<"$s")" = "$BUNDLE" ]
  [ "$(jq -r .rootfs <<<"$s")" = "$BUNDLE/rootfs" ]
  [ "$(jq -r .owner <<<"$s")" = root ]
  [ "$(jq -c .annotations <<<"$s")" = '{"org.example.key":"value","other":"x y"}' ]
  local created
  created=$(jq -r .created <<<"$s")
  [[ "$created" =~ $RFC3339 ]] || { echo "created: $created"; return 1; }
  local t
  t=$(date -u -d "$created" +%s)
  [ "$t" -ge $((before - 1)) ] && [ "$t" -le $(($(date -u +%s) + 1)) ]
  # Nothing of srun's own bookkeeping.
  [ "$(jq -c 'keys_unsorted' <<<"$s")" = '["ociVersion","id","pid","status","bundle","rootfs","created","annotations","owner"]' ]
  # The pid is the init's on the host, and the process runs there.
  [ "$(cat /proc/"$pid"/comm)" = sleep ]

  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
}

@test "state has no annotations without them, shows stopped once the process exits, and fails for an unknown id" {
  set_args sh -c 'exit 0'
  create_and_start
  wait_for status_is "$ID" stopped
  run --separate-stderr srun state "$ID"
  [ "$status" -eq 0 ]
  [ "$(jq 'has("annotations")' <<<"$output")" = false ]
  run srun delete "$ID"
  [ "$status" -eq 0 ]

  run --separate-stderr srun state "$ID"
  [ "$status" -eq 1 ]
  [ -z "$output" ]
  [[ "$stderr" == "srun: "*"$ID"* ]]
  assert_all_gone
}

@test "start twice: the second start exits 1 and the container keeps running" {
  set_args sh -c 'echo once; sleep 100'
  create_and_start
  local pid
  pid=$PID
  run --separate-stderr srun start "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "* ]]
  status_is "$ID" running
  [ "$(field "$ID" pid)" = "$pid" ]
  kill -0 "$pid"
  wait_for file_has "$CONTAINER_OUT" once
  [ "$(count_lines "$CONTAINER_OUT" once)" -eq 1 ]
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
}

@test "start of a stopped container and of an unknown id exit 1" {
  set_args true
  create_and_start
  wait_for status_is "$ID" stopped
  run --separate-stderr srun start "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "* ]]
  status_is "$ID" stopped
  run srun delete "$ID"
  [ "$status" -eq 0 ]
  run --separate-stderr srun start "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "*"$ID"* ]]
  assert_all_gone
}

@test "start of a created container whose init was killed fails at once, and delete still works" {
  set_args sh -c 'echo should-not-run'
  srun_files create --bundle "$BUNDLE" --pid-file "$SANDBOX/pidfile" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  local pid out=$OUT
  pid=$(cat "$SANDBOX/pidfile")
  PIDS+=("$pid")
  kill -9 "$pid"
  wait_for exited "$pid"
  status_is "$ID" stopped
  local t0=$SECONDS
  run --separate-stderr timeout 10 "$SRUN" --root "$ROOT" start "$ID"
  [ "$status" -eq 1 ] || { echo "start: exit $status (124 = hung): $stderr"; return 1; }
  [ $((SECONDS - t0)) -le 3 ]
  [[ "$stderr" == "srun: "* ]]
  [[ "$stderr" == *"$ID"* ]]
  [[ "$stderr" =~ stopped|exited|not\ running|dead ]] || { echo "unclear message: $stderr"; return 1; }
  [ ! -s "$out" ]
  run --separate-stderr srun delete "$ID"
  [ "$status" -eq 0 ] || { echo "delete: $stderr"; return 1; }
  assert_all_gone
}

@test "create with an id that exists exits 1 and leaves the first container as it was" {
  set_args sh -c 'echo first; sleep 100'
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  local first_out=$OUT pid before
  init_pid "$ID"; pid=$PID
  before=$("$SRUN" --root "$ROOT" state "$ID")
  local other=$SANDBOX/other
  cp -a "$TEMPLATE/." "$other/"
  CONFIG=$other/config.json set_args sh -c 'echo second'

  srun_files create --bundle "$other" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "*"$ID"* ]]
  [[ "$stderr" == *"exists"* ]]
  srun_files run --bundle "$other" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"exists"* ]]
  [ "$output" != second ]

  [ "$("$SRUN" --root "$ROOT" state "$ID")" = "$before" ]
  kill -0 "$pid"
  run --separate-stderr srun start "$ID"
  [ "$status" -eq 0 ] || { echo "start of the first: $stderr"; return 1; }
  wait_for file_has "$first_out" first
  status_is "$ID" running
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# failures of create

@test "create with a missing bundle exits 1 and leaves nothing" {
  srun_files create --bundle "$SANDBOX/missing" "$ID"
  [ "$status" -eq 1 ]
  [ -z "$output" ]
  [[ "$stderr" == "srun: "* ]]
  [[ "$stderr" == *"$SANDBOX/missing"* ]]
  run srun state "$ID"
  [ "$status" -eq 1 ]
  srun_files run --bundle "$SANDBOX/missing" "$ID"
  [ "$status" -eq 1 ]
  assert_all_gone
}

@test "create with a malformed config exits 1 and leaves nothing" {
  local bad
  for bad in '{"ociVersion": "1.2.0", "process": ' 'null' '{"ociVersion": "1.2.0"}' ''; do
    printf '%s' "$bad" >"$BUNDLE/config.json"
    srun_files create --bundle "$BUNDLE" "$ID"
    [ "$status" -eq 1 ] || { echo "config '$bad': exit $status"; return 1; }
    [[ "$stderr" == "srun: "*"config.json"* ]] || { echo "config '$bad': $stderr"; return 1; }
    assert_all_gone
  done
}

@test "create with a missing rootfs exits 1 and leaves nothing" {
  rm -rf "$BUNDLE/rootfs"
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "*"rootfs"* ]]
  assert_all_gone
}

@test "create that fails inside the container's setup (bind of a missing source) leaves nothing" {
  cfg --arg s "$SANDBOX/no-such-dir" '.mounts += [{"destination": "/mnt", "type": "bind", "source": $s, "options": ["rbind"]}]'
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "* ]]
  [[ "$stderr" == *"no-such-dir"* || "$stderr" == *"/mnt"* ]] || { echo "message names neither source nor destination: $stderr"; return 1; }
  assert_all_gone
}

@test "create that fails after pivot_root (an unknown sysctl) leaves nothing" {
  cfg '.linux.sysctl = {"net.ipv4.no_such_key_srun": "1"}'
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "* ]]
  assert_all_gone
}

@test "create with a terminal and no --console-socket exits 1 and leaves nothing" {
  cfg '.process.terminal = true'
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"console-socket"* ]]
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# kill

@test "kill sends signals by name and number, TERM by default" {
  set_args sh -c "$TRAPPER"
  create_and_start
  local pid
  pid=$PID
  wait_for file_has "$CONTAINER_OUT" ready

  run --separate-stderr srun kill "$ID"
  [ "$status" -eq 0 ] || { echo "kill: $stderr"; return 1; }
  [ -z "$output" ] && [ -z "$stderr" ]
  wait_for count_is "$CONTAINER_OUT" got-TERM 1
  run srun kill "$ID" TERM
  [ "$status" -eq 0 ]
  wait_for count_is "$CONTAINER_OUT" got-TERM 2
  run srun kill "$ID" SIGTERM
  [ "$status" -eq 0 ]
  wait_for count_is "$CONTAINER_OUT" got-TERM 3
  run srun kill "$ID" 15
  [ "$status" -eq 0 ]
  wait_for count_is "$CONTAINER_OUT" got-TERM 4
  run srun kill "$ID" SIGUSR1
  [ "$status" -eq 0 ]
  wait_for count_is "$CONTAINER_OUT" got-USR1 1
  run srun kill "$ID" USR1
  [ "$status" -eq 0 ]
  wait_for count_is "$CONTAINER_OUT" got-USR1 2
  run srun kill "$ID" HUP
  [ "$status" -eq 0 ]
  wait_for count_is "$CONTAINER_OUT" got-HUP 1
  status_is "$ID" running

  run srun kill "$ID" 9
  [ "$status" -eq 0 ]
  wait_for status_is "$ID" stopped
  wait_for exited "$pid"
  run srun delete "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
}

@test "kill KILL and SIGKILL stop a running and a created container" {
  set_args sleep 100
  create_and_start
  run srun kill "$ID" KILL
  [ "$status" -eq 0 ]
  wait_for status_is "$ID" stopped
  run srun delete "$ID"
  [ "$status" -eq 0 ]

  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ]
  init_pid "$ID"
  run srun kill "$ID" SIGKILL
  [ "$status" -eq 0 ]
  wait_for status_is "$ID" stopped
  run srun delete "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
}

@test "kill with an invalid signal exits 1 and sends nothing" {
  set_args sh -c "$TRAPPER"
  create_and_start
  wait_for file_has "$CONTAINER_OUT" ready
  local sig
  for sig in FOO SIGFOO 999 -1 "" 1x; do
    run --separate-stderr srun kill "$ID" "$sig"
    [ "$status" -eq 1 ] || { echo "kill '$sig': exit $status"; return 1; }
    [[ "$stderr" == "srun: "* ]] || { echo "kill '$sig': $stderr"; return 1; }
  done
  sleep 0.2
  status_is "$ID" running
  [ "$(grep -c got- "$CONTAINER_OUT")" -eq 0 ]
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
}

@test "kill --all signals every process of the container" {
  # A child that handles USR1 too, and a plain sleep: --all must reach both.
  set_args sh -c 'sh -c "trap \"echo child-USR1\" USR1; echo child-ready; while :; do sleep 0.05; done" & trap "echo init-USR1" USR1; sleep 1000 & echo ready; while :; do sleep 0.05; done'
  create_and_start
  local pid
  pid=$PID
  wait_for file_has "$CONTAINER_OUT" ready
  wait_for file_has "$CONTAINER_OUT" child-ready
  local cgroup procs
  cgroup=$(awk -F: '$2 ~ /(^|,)pids(,|$)/ {print $3}' "/proc/$pid/cgroup")
  [ -n "$cgroup" ]
  procs=/sys/fs/cgroup/pids$cgroup/cgroup.procs
  [ "$(wc -l <"$procs")" -ge 3 ]
  local others
  others=$(grep -vx "$pid" "$procs")
  PIDS+=($others)

  run --separate-stderr srun kill --all "$ID" USR1
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  wait_for file_has "$CONTAINER_OUT" child-USR1
  wait_for file_has "$CONTAINER_OUT" init-USR1

  run --separate-stderr srun kill -a "$ID" KILL
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  wait_for status_is "$ID" stopped
  wait_for [ ! -s "$procs" ]
  run srun delete "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
}

@test "kill of a stopped container exits 1, kill of an unknown id exits 1" {
  set_args true
  create_and_start
  wait_for status_is "$ID" stopped
  run --separate-stderr srun kill "$ID" KILL
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "* ]]
  run --separate-stderr srun kill "$ID"
  [ "$status" -eq 1 ]
  status_is "$ID" stopped
  run srun delete "$ID"
  [ "$status" -eq 0 ]
  run --separate-stderr srun kill "$ID" KILL
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "*"$ID"* ]]
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# delete

@test "delete of a created or running container without --force exits 1 and leaves it alone" {
  set_args sh -c 'echo alive; sleep 100'
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ]
  local out=$OUT pid before
  init_pid "$ID"; pid=$PID
  before=$("$SRUN" --root "$ROOT" state "$ID")
  run --separate-stderr srun delete "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "*"$ID"* ]]
  [ "$("$SRUN" --root "$ROOT" state "$ID")" = "$before" ]
  kill -0 "$pid"
  # Still startable: its exec.fifo and state were not touched.
  run --separate-stderr srun start "$ID"
  [ "$status" -eq 0 ] || { echo "start after a refused delete: $stderr"; return 1; }
  wait_for file_has "$out" alive

  run --separate-stderr srun delete "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "*"$ID"* ]]
  status_is "$ID" running
  kill -0 "$pid"

  run --separate-stderr srun delete --force "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ -z "$output" ]
  assert_all_gone
}

@test "delete -f of a running container kills every process in it" {
  set_args sh -c 'sleep 1000 & sleep 1000 & echo ready; wait'
  create_and_start
  local pid
  pid=$PID
  wait_for file_has "$CONTAINER_OUT" ready
  PIDS+=($(pgrep -P "$pid"))
  [ "${#PIDS[@]}" -eq 3 ]
  run --separate-stderr srun delete -f "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  run srun state "$ID"
  [ "$status" -eq 1 ]
  assert_all_gone
}

@test "delete --force of an unknown id exits 0, twice; without --force it exits 1" {
  run --separate-stderr srun delete --force "$ID"
  [ "$status" -eq 0 ]
  [ -z "$stderr" ]
  run --separate-stderr srun delete --force "$ID"
  [ "$status" -eq 0 ]
  run --separate-stderr srun delete "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "*"$ID"* ]]

  # And after a real delete.
  set_args true
  create_and_start
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  run srun delete "$ID"
  [ "$status" -eq 1 ]
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# list

@test "list shows every container as a table, as JSON and as bare ids" {
  local a=$ID-a b=$ID-b
  IDS+=("$a" "$b")
  set_args sleep 100
  srun_files create --bundle "$BUNDLE" "$a"
  [ "$status" -eq 0 ]
  create_and_start "$b"
  local pa pb
  init_pid "$a"; pa=$PID
  init_pid "$b"; pb=$PID

  run --separate-stderr srun list
  [ "$status" -eq 0 ]
  [ -z "$stderr" ]
  [ "${#lines[@]}" -eq 3 ]
  [[ "${lines[0]}" =~ ^ID\ +PID\ +STATUS\ +BUNDLE\ +CREATED\ +OWNER$ ]]
  [[ "${lines[1]}" =~ ^$a\ +$pa\ +created\ +$BUNDLE\ +[0-9T:.Z-]+\ +root$ ]] || { echo "${lines[1]}"; return 1; }
  [[ "${lines[2]}" =~ ^$b\ +$pb\ +running\ +$BUNDLE\ +[0-9T:.Z-]+\ +root$ ]] || { echo "${lines[2]}"; return 1; }
  # Columns line up (tabwriter).
  local h=${lines[0]} r=${lines[2]}
  local before=${h%%STATUS*} row_before=${r%%running*}
  [ "${#before}" -eq "${#row_before}" ]
  before=${h%%OWNER*}
  [ "${r:${#before}}" = root ]

  run --separate-stderr srun list --format json
  [ "$status" -eq 0 ]
  [ "$(jq -r 'length' <<<"$output")" -eq 2 ]
  [ "$(jq -r '.[0].id + " " + .[0].status + " " + (.[0].pid|tostring)' <<<"$output")" = "$a created $pa" ]
  [ "$(jq -r '.[1].id + " " + .[1].status + " " + (.[1].pid|tostring)' <<<"$output")" = "$b running $pb" ]
  [ "$(jq -r '.[1].bundle' <<<"$output")" = "$BUNDLE" ]
  [ "$(jq -r '.[1].ociVersion' <<<"$output")" = "1.2.0" ]
  run --separate-stderr srun list -f json
  [ "$status" -eq 0 ]
  [ "$(jq -r 'length' <<<"$output")" -eq 2 ]

  run --separate-stderr srun list --quiet
  [ "$status" -eq 0 ]
  [ "$output" = "$a"$'\n'"$b" ]
  run srun list -q
  [ "$output" = "$a"$'\n'"$b" ]

  run --separate-stderr srun list --format yaml
  [ "$status" -eq 1 ]

  run srun delete --force "$a"
  [ "$status" -eq 0 ]
  run srun kill "$b" KILL
  wait_for status_is "$b" stopped
  run srun list
  [ "${#lines[@]}" -eq 2 ]
  [[ "${lines[1]}" =~ ^$b\ +0\ +stopped\  ]] || { echo "${lines[1]}"; return 1; }
  run srun delete "$b"
  [ "$status" -eq 0 ]
  run --separate-stderr srun list
  [ "$status" -eq 0 ]
  [ "${#lines[@]}" -eq 1 ]
  run srun list -q
  [ -z "$output" ]
  ID=$a assert_all_gone
  ID=$b assert_all_gone
}

@test "list with a root that does not exist prints the header only" {
  run --separate-stderr srun list
  [ "$status" -eq 0 ]
  [ -z "$stderr" ]
  [[ "$output" =~ ^ID\ +PID\ +STATUS\ +BUNDLE\ +CREATED\ +OWNER$ ]]
  run --separate-stderr srun list -q
  [ "$status" -eq 0 ]
  [ -z "$output" ]
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# run

@test "run returns the process's exit status and deletes the container" {
  set_args sh -c 'echo output; echo error >&2; exit 7'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 7 ] || { echo "exit $status: $stderr"; return 1; }
  [ "$output" = output ]
  [ "$stderr" = error ]
  run srun state "$ID"
  [ "$status" -eq 1 ]
  set_args true
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ]
  set_args false
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  assert_all_gone
}

@test "run of a process killed by a signal exits 128+N" {
  # Not pid 1 of a pid namespace: that one is immune to its own SIGKILL.
  cfg 'del(.linux.namespaces[] | select(.type == "pid"))'
  set_args sh -c 'kill -9 $$; echo not-killed'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 137 ] || { echo "exit $status: $output $stderr"; return 1; }
  [ -z "$output" ]
  set_args sh -c 'kill -SEGV $$'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 139 ] || { echo "exit $status: $stderr"; return 1; }
  assert_all_gone
}

@test "run forwards signals to the container's process" {
  set_args sh -c 'trap "echo got-USR1" USR1; trap "exit 3" TERM; echo ready; while :; do sleep 0.05; done'
  local out=$SANDBOX/run.out
  "$SRUN" --root "$ROOT" run --bundle "$BUNDLE" "$ID" </dev/null >"$out" 2>"$SANDBOX/run.err" 3>&- &
  local srun_pid=$!
  BG+=("$srun_pid")
  wait_for file_has "$out" ready
  init_pid "$ID"
  kill -USR1 "$srun_pid"
  wait_for file_has "$out" got-USR1
  kill -TERM "$srun_pid"
  local rc=0 i
  for i in $(seq 100); do kill -0 "$srun_pid" 2>/dev/null || break; sleep 0.05; done
  wait "$srun_pid" || rc=$?
  [ "$rc" -eq 3 ] || { echo "srun run exited $rc: $(cat "$SANDBOX/run.err")"; return 1; }
  run srun state "$ID"
  [ "$status" -eq 1 ]
  assert_all_gone
}

@test "run --keep leaves the stopped container for delete" {
  set_args sh -c 'exit 5'
  srun_files run --keep --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 5 ]
  run --separate-stderr srun state "$ID"
  [ "$status" -eq 0 ]
  [ "$(jq -r .status <<<"$output")" = stopped ]
  PIDS+=("$(jq -r .pid <<<"$output")")
  run srun delete "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
}

@test "run --detach returns at once and leaves the container running" {
  set_args sh -c 'echo detached; sleep 100'
  local t0=$SECONDS
  srun_files run --detach --bundle "$BUNDLE" --pid-file "$SANDBOX/pidfile" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ $((SECONDS - t0)) -le 3 ]
  [ -z "$stderr" ]
  status_is "$ID" running
  local pid
  init_pid "$ID"; pid=$PID
  [ "$(cat "$SANDBOX/pidfile")" = "$pid" ]
  wait_for file_has "$OUT" detached
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  # -d too
  srun_files run -d --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ]
  status_is "$ID" running
  init_pid "$ID"
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
}

@test "run of a missing bundle or a failing start exits non-zero and leaves nothing" {
  srun_files run --bundle "$SANDBOX/missing" "$ID"
  [ "$status" -eq 1 ]
  set_args /bin/no-such-program
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"no-such-program"* ]]
  assert_all_gone
}

# ---------------------------------------------------------------------------------------
# namespaces, cgroups, rootfs

@test "a container joins another's network, uts and ipc namespaces by path" {
  local a=$ID-a b=$ID-b
  IDS+=("$a" "$b")
  set_args sleep 100
  cfg '.hostname = "host-a"'
  create_and_start "$a"
  local pa
  pa=$PID
  # Something only A's network namespace has: its loopback up.
  nsenter --net="/proc/$pa/ns/net" ip link set lo up

  local bb=$SANDBOX/bundle-b
  cp -a "$TEMPLATE/." "$bb/"
  CONFIG=$bb/config.json cfg --arg p "/proc/$pa/ns" '
    del(.hostname)
    | .linux.namespaces |= map(if .type == "network" or .type == "uts" or .type == "ipc" then .path = ($p + "/" + (if .type == "network" then "net" else .type end)) else . end)'
  CONFIG=$bb/config.json set_args sh -c 'hostname; for n in net uts ipc mnt pid; do readlink /proc/self/ns/$n; done; ip -o link show lo'
  srun_files run --bundle "$bb" "$b"
  [ "$status" -eq 0 ] || { echo "run B: exit $status: $stderr"; return 1; }
  local lines_b
  mapfile -t lines_b <<<"$output"
  [ "${lines_b[0]}" = host-a ]
  [ "${lines_b[1]}" = "$(readlink "/proc/$pa/ns/net")" ]
  [ "${lines_b[2]}" = "$(readlink "/proc/$pa/ns/uts")" ]
  [ "${lines_b[3]}" = "$(readlink "/proc/$pa/ns/ipc")" ]
  [ "${lines_b[1]}" != "$(readlink /proc/self/ns/net)" ]
  # Its own mount and pid namespaces, neither A's nor the host's.
  [ "${lines_b[4]}" != "$(readlink "/proc/$pa/ns/mnt")" ]
  [ "${lines_b[4]}" != "$(readlink /proc/self/ns/mnt)" ]
  [ "${lines_b[5]}" != "$(readlink "/proc/$pa/ns/pid")" ]
  [[ "${lines_b[6]}" == *"UP"* ]] || { echo "lo in B: ${lines_b[6]}"; return 1; }

  # B is gone and A is untouched.
  status_is "$a" running
  [ "$(nsenter --uts="/proc/$pa/ns/uts" hostname)" = host-a ]
  run srun delete --force "$a"
  [ "$status" -eq 0 ]
  ID=$a assert_all_gone
  ID=$b assert_all_gone
}

@test "a new network namespace is the container's own, owned by its new user namespace" {
  # The init makes it itself, after clone: inside a new user namespace that namespace owns
  # it, so the container's root may configure it (with CAP_NET_ADMIN there, not on the host).
  cfg '.linux.namespaces += [{"type": "user"}]
    | .linux.uidMappings = [{"containerID": 0, "hostID": 0, "size": 65536}]
    | .linux.gidMappings = [{"containerID": 0, "hostID": 0, "size": 65536}]
    | .process.capabilities |= with_entries(.value += ["CAP_NET_ADMIN"])'
  set_args sh -c 'readlink /proc/self/ns/net; ls /sys/class/net; ip link set lo up && ip -o link show lo'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "exit $status: $stderr $output"; return 1; }
  local lines
  mapfile -t lines <<<"$output"
  [ "${lines[0]}" != "$(readlink /proc/self/ns/net)" ]
  [ "${lines[1]}" = lo ]
  [[ "${lines[2]}" == *"UP"* ]] || { echo "lo: ${lines[2]}"; return 1; }
  assert_all_gone
}

@test "new namespaces are owned by the user namespace the container joins" {
  # Joined with A's pid namespace: a new one would belong to the host's user namespace
  # (only clone makes it), and no proc could be mounted for it from A's.
  local a=$ID-a b=$ID-b
  IDS+=("$a" "$b")
  cfg '.linux.namespaces += [{"type": "user"}]
    | .linux.uidMappings = [{"containerID": 0, "hostID": 0, "size": 65536}]
    | .linux.gidMappings = [{"containerID": 0, "hostID": 0, "size": 65536}]'
  set_args sleep 100
  create_and_start "$a"
  local pa=$PID
  local bb=$SANDBOX/bundle-b
  cp -a "$TEMPLATE/." "$bb/"
  CONFIG=$bb/config.json cfg --arg p "/proc/$pa/ns" '.linux.namespaces |= map(if .type == "pid" then .path = ($p + "/pid") else . end)
    | .linux.namespaces += [{"type": "user", "path": ($p + "/user")}]
    | .hostname = "host-b"
    | .process.capabilities |= with_entries(.value += ["CAP_NET_ADMIN"])'
  CONFIG=$bb/config.json set_args sh -c 'readlink /proc/self/ns/user; readlink /proc/self/ns/net; ip link set lo up && ip -o link show lo; hostname'
  srun_files run --bundle "$bb" "$b"
  [ "$status" -eq 0 ] || { echo "run B: exit $status: $stderr $output"; return 1; }
  local lines
  mapfile -t lines <<<"$output"
  [ "${lines[0]}" = "$(readlink "/proc/$pa/ns/user")" ]
  [ "${lines[1]}" != "$(readlink "/proc/$pa/ns/net")" ]
  [ "${lines[1]}" != "$(readlink /proc/self/ns/net)" ]
  [[ "${lines[2]}" == *"UP"* ]] || { echo "lo in B: ${lines[2]}"; return 1; }
  # sethostname in a uts namespace the host's user namespace owned would have failed create.
  [ "${lines[3]}" = host-b ] || { echo "hostname in B: $output"; return 1; }
  run srun delete --force "$a"
  [ "$status" -eq 0 ]
  ID=$a assert_all_gone
  ID=$b assert_all_gone
}

@test "a container that joins a network namespace by path sees that namespace's interfaces in /sys" {
  # runc mounts a sysfs whenever the config lists a network namespace, joined or new; a
  # bind of the host's /sys would show the host's interfaces.
  local a=$ID-a b=$ID-b
  IDS+=("$a" "$b")
  set_args sleep 100
  create_and_start "$a"
  local pa=$PID
  local bb=$SANDBOX/bundle-b
  cp -a "$TEMPLATE/." "$bb/"
  CONFIG=$bb/config.json cfg --arg p "/proc/$pa/ns/net" '.linux.namespaces |= map(if .type == "network" then .path = $p else . end)'
  CONFIG=$bb/config.json set_args sh -c 'echo $(ls /sys/class/net)'
  srun_files run --bundle "$bb" "$b"
  [ "$status" -eq 0 ] || { echo "run B: exit $status: $stderr"; return 1; }
  local seen=$output expected
  expected=$(nsenter --net="/proc/$pa/ns/net" ip -o link show | awk -F': ' '{print $2}' | sort | tr '\n' ' ' | sed 's/ $//')
  [ "$expected" = lo ]
  run srun delete --force "$a"
  [ "$status" -eq 0 ]
  ID=$a assert_all_gone
  ID=$b assert_all_gone
  [ "$seen" = "$expected" ] || { echo "/sys/class/net in B: $seen, in the joined namespace: $expected"; return 1; }
}

@test "a namespace path that is not a namespace, or of the wrong type, fails create and leaves nothing" {
  cfg --arg p "$SANDBOX/not-a-ns" '.linux.namespaces |= map(if .type == "network" then .path = $p else . end)'
  touch "$SANDBOX/not-a-ns"
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "* ]]
  assert_all_gone
  cfg '.linux.namespaces |= map(if .type == "network" then .path = "/proc/self/ns/uts" else . end)'
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  assert_all_gone
}

@test "cgroupsPath puts the process in that cgroup in every hierarchy; delete removes it" {
  local parent=srun-bats-parent-$$-$BATS_TEST_NUMBER
  CGROUP_PARENTS+=("$parent")
  cfg --arg p "/$parent/$ID" '.linux.cgroupsPath = $p'
  set_args sh -c 'cat /proc/self/cgroup; sleep 100'
  create_and_start
  local pid
  pid=$PID
  wait_for file_has "$CONTAINER_OUT" "/$parent/$ID"
  local c
  for c in memory pids cpu cpuacct cpuset devices freezer blkio name=systemd; do
    grep -qE "^[0-9]+:$c:/$parent/$ID\$" "/proc/$pid/cgroup" || { echo "$c:"; cat "/proc/$pid/cgroup"; return 1; }
  done
  grep -qE "^0::/$parent/$ID\$" "/proc/$pid/cgroup" || { cat "/proc/$pid/cgroup"; return 1; }
  grep -qx "$pid" "/sys/fs/cgroup/memory/$parent/$ID/cgroup.procs"
  grep -qx "$pid" "/sys/fs/cgroup/unified/$parent/$ID/cgroup.procs"
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  for c in /sys/fs/cgroup/*/; do
    [ ! -e "$c$parent/$ID" ] || { echo "left: $c$parent/$ID"; return 1; }
    # The parent was made for this container, so it goes with it.
    [ ! -e "$c$parent" ] || { echo "parent left: $c$parent"; return 1; }
  done
  assert_all_gone
}

@test "without cgroupsPath the container's cgroup is /<id>, removed by delete" {
  set_args sleep 100
  create_and_start
  local pid
  pid=$PID
  grep -qE "^[0-9]+:memory:/$ID\$" "/proc/$pid/cgroup" || { cat "/proc/$pid/cgroup"; return 1; }
  [ -d "/sys/fs/cgroup/memory/$ID" ]
  run srun kill "$ID" KILL
  wait_for status_is "$ID" stopped
  # A stopped container still has its cgroup until delete.
  run srun delete "$ID"
  [ "$status" -eq 0 ]
  [ ! -e "/sys/fs/cgroup/memory/$ID" ]
  assert_all_gone
}

@test "--no-pivot runs the container in its rootfs" {
  set_args sh -c 'ls /bin/busybox && test ! -e /etc/os-release && echo in-rootfs'
  srun_files run --no-pivot --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "exit $status: $stderr"; return 1; }
  [ "${output##*$'\n'}" = in-rootfs ]
  srun_files create --no-pivot --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ]
  local out=$OUT
  init_pid "$ID"
  run srun start "$ID"
  [ "$status" -eq 0 ]
  wait_for file_has "$out" in-rootfs
  run srun delete --force "$ID"
  assert_all_gone
}

@test "root.readonly makes / read-only inside; readonly false lets it be written" {
  cfg '.root.readonly = true'
  set_args sh -c 'touch /written 2>&1; echo "rc=$?"; awk "\$5 == \"/\" {print \$6}" /proc/self/mountinfo'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [[ "$output" == *"Read-only file system"* ]]
  [[ "$output" == *"rc=1"* ]]
  [[ "${output##*$'\n'}" =~ ^ro(,|$) ]] || { echo "$output"; return 1; }
  [ ! -e "$BUNDLE/rootfs/written" ]
  # /dev and /tmp-like mounts are not made read-only with it.
  set_args sh -c 'echo x > /dev/shm/f && echo shm-writable'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$output" = shm-writable ] || { echo "$output $stderr"; return 1; }

  cfg '.root.readonly = false'
  set_args sh -c 'touch /written && echo ok'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ]
  [ "$output" = ok ]
  [ -f "$BUNDLE/rootfs/written" ]
  assert_all_gone
}

@test "maskedPaths hide files and directories; readonlyPaths are read-only" {
  mkdir -p "$BUNDLE/rootfs/secret-dir" "$BUNDLE/rootfs/ro-dir"
  echo hidden >"$BUNDLE/rootfs/secret-dir/f"
  echo hidden >"$BUNDLE/rootfs/secret-file"
  cfg '.root.readonly = false | .linux.maskedPaths += ["/secret-dir", "/secret-file", "/does-not-exist"] | .linux.readonlyPaths += ["/ro-dir", "/also-missing"]'
  set_args sh -c '
    echo "timer_list=$(wc -c < /proc/timer_list)"
    echo "acpi=$(ls -A /proc/acpi | wc -l)"
    echo "dir=$(ls -A /secret-dir | wc -l)"
    echo "file=$(cat /secret-file)"
    echo 1 > /proc/sys/kernel/domainname 2>/dev/null && echo sys=writable || echo sys=readonly
    touch /ro-dir/x 2>/dev/null && echo ro=writable || echo ro=readonly
    touch /rw-file 2>/dev/null && echo rw=writable || echo rw=readonly
    echo x > /secret-dir/new 2>/dev/null && echo mask=writable || echo mask=readonly'
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "exit $status: $stderr"; return 1; }
  local expected
  expected=$(printf '%s\n' timer_list=0 acpi=0 dir=0 file= sys=readonly ro=readonly rw=writable mask=readonly)
  [ "$output" = "$expected" ] || { echo "got:"; echo "$output"; echo "stderr: $stderr"; return 1; }
  # Nothing reached the host's files.
  [ "$(cat "$BUNDLE/rootfs/secret-file")" = hidden ]
  [ ! -e "$BUNDLE/rootfs/secret-dir/new" ]
  [ ! -e "$BUNDLE/rootfs/does-not-exist" ]
  assert_all_gone
}

@test "a terminal: the pty master goes to --console-socket, the slave is /dev/console and the process's tty" {
  cfg '.process.terminal = true | .process.consoleSize = {"height": 40, "width": 100}'
  set_args sh -c 'tty; stty size; stat -c "%t %g" /dev/console; echo done'
  python3 "$BATS_TEST_DIRNAME/console-receiver.py" "$SANDBOX/console.sock" "$SANDBOX/console.out" &
  local receiver=$!
  wait_for test -S "$SANDBOX/console.sock"
  srun_files create --console-socket "$SANDBOX/console.sock" --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  srun_files start "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  wait "$receiver"
  local out
  out=$(tr -d '\r' <"$SANDBOX/console.out")
  [ "$(sed -n 1p <<<"$out")" = /dev/console ] || { echo "$out"; return 1; }
  [ "$(sed -n 2p <<<"$out")" = "40 100" ]
  # A pty slave (major 136 = 0x88) of the tty group (gid 5), as the spec's devpts options make it.
  [ "$(sed -n 3p <<<"$out")" = "88 5" ] || { echo "$out"; return 1; }
  [ "$(sed -n 4p <<<"$out")" = done ]
  [[ "$(cat "$SANDBOX/console.out.name")" == /dev/pts/* ]]
  run srun delete --force "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
}

@test "a terminal without --console-socket is refused, and a socket without a terminal too" {
  cfg '.process.terminal = true'
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"--console-socket is required"* ]]
  cfg '.process.terminal = false'
  srun_files create --console-socket "$SANDBOX/none.sock" --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"--console-socket is only for a process with a terminal"* ]]
  assert_all_gone
}
