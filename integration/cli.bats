#!/usr/bin/env bats
# The command line as runc has it: version, help, global flags, logging, container ids,
# commands not implemented yet, `spec` and `features`. Where a command must run, an error
# that is real today stands in: `state ID` of an id with no container fails with
# `container "ID" does not exist`.

bats_require_minimum_version 1.5.0

setup() {
  load helpers
  setup_sandbox
}

teardown() {
  teardown_sandbox
}

# Every runc subcommand; ID_COMMANDS take a container id.
ALL_COMMANDS=(create start run state kill delete exec ps list pause resume events update spec features checkpoint restore)
ID_COMMANDS=(create start run state kill delete exec ps pause resume events update checkpoint restore)
NOT_IMPLEMENTED=(exec checkpoint restore)

RFC3339='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$'

# The arguments that make command $1 run with container id $2 (and nothing else wrong
# than what the test set up: no container, or a bundle without rootfs).
id_args() {
  case "$1" in
    create | run) echo "$1 --bundle $BUNDLE" ;;
    *) echo "$1" ;;
  esac
}

# A listing of everything under the sandbox, to prove a command created nothing.
sandbox_listing() {
  (cd "$SANDBOX" && find . | sort)
}

# The runc flags (long names, and short aliases) that `srun CMD --help` must name.
runc_flags() {
  case "$1" in
    create) echo "--bundle -b --console-socket --pid-file --no-pivot --no-new-keyring --preserve-fds" ;;
    run) echo "--bundle -b --console-socket --detach -d --keep --pid-file --no-subreaper --no-pivot --no-new-keyring --preserve-fds" ;;
    kill) echo "--all -a" ;;
    delete) echo "--force -f" ;;
    exec) echo "--console-socket --cwd --env -e --tty -t --user -u --additional-gids -g --process -p --detach -d --pid-file --process-label --apparmor --no-new-privs --cap -c --preserve-fds --cgroup --ignore-paused" ;;
    ps) echo "--format -f" ;;
    list) echo "--format -f --quiet -q" ;;
    events) echo "--interval --stats" ;;
    update) echo "--resources -r --blkio-weight --cpu-period --cpu-quota --cpu-share --cpu-rt-period --cpu-rt-runtime --cpuset-cpus --cpuset-mems --memory --memory-reservation --memory-swap --pids-limit --l3-cache-schema --mem-bw-schema" ;;
    spec) echo "--bundle -b --rootless" ;;
    checkpoint) echo "--image-path --work-path --parent-path --leave-running --tcp-established --ext-unix-sk --shell-job --lazy-pages --status-fd --page-server --file-locks --pre-dump --manage-cgroups-mode --empty-ns --auto-dedup" ;;
    restore) echo "--console-socket --image-path --work-path --tcp-established --ext-unix-sk --shell-job --file-locks --manage-cgroups-mode --bundle -b --detach -d --pid-file --no-subreaper --no-pivot --empty-ns --auto-dedup --lazy-pages --lsm-profile --lsm-mount-context" ;;
    *) echo "" ;;
  esac
}

# ---------------------------------------------------------------------------------------
# version and help

@test "--version prints srun's version, the spec version and libseccomp's" {
  run --separate-stderr "$SRUN" --version
  [ "$status" -eq 0 ]
  [ -z "$stderr" ]
  [ "${#lines[@]}" -eq 3 ]
  [[ "${lines[0]}" =~ ^srun\ version\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
  [ "${lines[1]}" = "spec: 1.2.0" ]
  [[ "${lines[2]}" =~ ^libseccomp:\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "-v prints the same as --version" {
  run "$SRUN" --version
  [ "$status" -eq 0 ]
  local expected=$output
  run --separate-stderr "$SRUN" -v
  [ "$status" -eq 0 ]
  [ -z "$stderr" ]
  [ "$output" = "$expected" ]
  [ "${#lines[@]}" -eq 3 ]
}

@test "--help and -h print the usage on stdout and exit 0" {
  for flag in --help -h; do
    run --separate-stderr "$SRUN" "$flag"
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [[ "$output" == *"usage: srun"* ]]
    for command in "${ALL_COMMANDS[@]}"; do
      grep -qE "^ +$command " <<<"$output" || { echo "$flag does not list $command"; return 1; }
    done
    for g in --debug --log --log-format --root --criu --systemd-cgroup --rootless --version; do
      grep -qE -- "(^| )$g[ ,]" <<<"$output" || { echo "$flag does not name $g"; return 1; }
    done
  done
}

@test "bare srun prints the usage on stderr and exits 1" {
  run --separate-stderr "$SRUN"
  [ "$status" -eq 1 ]
  [ -z "$output" ]
  [[ "$stderr" == *"usage: srun"* ]]
  [[ "$stderr" == *"create"* ]]
}

@test "srun CMD --help exits 0 for every runc command and names its runc flags" {
  for command in "${ALL_COMMANDS[@]}"; do
    for flag in --help -h; do
      run --separate-stderr srun "$command" "$flag"
      [ "$status" -eq 0 ] || { echo "$command $flag: exit $status: $stderr"; return 1; }
      [ -z "$stderr" ] || { echo "$command $flag wrote to stderr: $stderr"; return 1; }
      [[ "$output" == *"srun $command"* ]] || { echo "$command $flag does not name the command: $output"; return 1; }
      for name in $(runc_flags "$command"); do
        grep -qE -- "(^|[ ,])$name([ ,]|$)" <<<"$output" || { echo "$command $flag does not name $name:"; echo "$output"; return 1; }
      done
    done
  done
  assert_nothing_left
}

@test "srun help and srun help CMD print help and exit 0, as runc help does" {
  run --separate-stderr "$SRUN" help
  [ "$status" -eq 0 ] || { echo "srun help: exit $status: $stderr"; return 1; }
  [[ "$output" == *"usage: srun"* ]]
  run --separate-stderr "$SRUN" help create
  [ "$status" -eq 0 ] || { echo "srun help create: exit $status: $stderr"; return 1; }
  [[ "$output" == *"--console-socket"* ]]
}

@test "--help after other arguments of a command still prints its help" {
  run --separate-stderr srun create --bundle /nonexistent "$ID" --help
  [ "$status" -eq 0 ]
  [[ "$output" == *"--console-socket"* ]]
  assert_nothing_left
}

# ---------------------------------------------------------------------------------------
# usage errors

@test "an unknown command exits 1 and names it" {
  run --separate-stderr srun frobnicate "$ID"
  [ "$status" -eq 1 ]
  [ -z "$output" ]
  [[ "$stderr" == *'"frobnicate"'* ]]
  [[ "$stderr" == "srun: "* ]]
  assert_nothing_left
}

@test "an unknown global flag exits 1 and names it" {
  run --separate-stderr "$SRUN" --root "$ROOT" --frobnicate state "$ID"
  [ "$status" -eq 1 ]
  [ -z "$output" ]
  [[ "$stderr" == *"--frobnicate"* ]]
  assert_nothing_left
}

@test "an unknown command flag exits 1 and names it" {
  for command in "${ALL_COMMANDS[@]}"; do
    run --separate-stderr srun "$command" --frobnicate "$ID"
    [ "$status" -eq 1 ] || { echo "$command: exit $status"; return 1; }
    [[ "$stderr" == *"--frobnicate"* ]] || { echo "$command: $stderr"; return 1; }
  done
  assert_nothing_left
}

@test "a flag missing its value exits 1 and names the flag" {
  run --separate-stderr "$SRUN" --root
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"--root"* ]]

  run --separate-stderr "$SRUN" --root "$ROOT" --log
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"--log"* ]]

  run --separate-stderr srun create --bundle
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"--bundle"* ]]

  run --separate-stderr srun exec --cwd
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"--cwd"* ]]
  assert_nothing_left
}

@test "a short flag missing its value is named as it was given" {
  # `create -b` has no value: the message must name -b (or --bundle), not a flag --b
  # that does not exist.
  run --separate-stderr srun create -b
  [ "$status" -eq 1 ]
  [[ "$stderr" != *"--b "* ]] || { echo "names a nonexistent flag: $stderr"; return 1; }
  [[ "$stderr" == *"-b"* || "$stderr" == *"--bundle"* ]]
  assert_nothing_left
}

@test "a boolean flag given a non-boolean value exits 1" {
  run --separate-stderr srun --debug=maybe state "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"debug"* ]]
  run --separate-stderr srun create --no-pivot=maybe --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"no-pivot"* ]]
  assert_nothing_left
}

@test "commands not implemented yet exit 1 with 'srun: CMD: not implemented yet' on stderr" {
  for command in "${NOT_IMPLEMENTED[@]}"; do
    case "$command" in
      exec) args=(exec "$ID" true) ;;
      *) args=("$command" "$ID") ;;
    esac
    run --separate-stderr srun "${args[@]}"
    [ "$status" -eq 1 ] || { echo "$command: exit $status"; return 1; }
    [ -z "$output" ] || { echo "$command wrote to stdout: $output"; return 1; }
    [ "$stderr" = "srun: $command: not implemented yet" ] || { echo "$command: $stderr"; return 1; }
  done
  assert_nothing_left
}

@test "kill takes an optional signal, exec and ps pass their arguments through" {
  # The signal is taken: kill goes on to look the container up (a usage error otherwise).
  run --separate-stderr srun kill "$ID" KILL
  [ "$status" -eq 1 ]
  [ -z "$output" ]
  [ "$stderr" = "srun: container \"$ID\" does not exist" ]
  run --separate-stderr srun exec "$ID" ls -la --color
  [ "$status" -eq 1 ]
  [ "$stderr" = "srun: exec: not implemented yet" ]
  run --separate-stderr srun ps "$ID" -ef
  [ "$status" -eq 1 ]
  [ "$stderr" = "srun: container \"$ID\" does not exist" ]
  assert_nothing_left
}

@test "wrong number of arguments exits 1" {
  local cases=(
    "start"
    "state"
    "state a b"
    "kill"
    "kill a b c"
    "delete"
    "delete a b"
    "pause a b"
    "resume"
    "events a b"
    "update a b"
    "checkpoint"
    "restore"
    "list extra"
    "features extra"
    "spec extra"
  )
  cd "$SANDBOX"
  for c in "${cases[@]}"; do
    # shellcheck disable=SC2086
    run --separate-stderr srun $c
    [ "$status" -eq 1 ] || { echo "srun $c: exit $status"; return 1; }
    [[ "$stderr" == "srun: "* ]] || { echo "srun $c: $stderr"; return 1; }
    [[ "$stderr" != *"not implemented"* ]] || { echo "srun $c ran: $stderr"; return 1; }
  done
  [ ! -e config.json ]
  assert_nothing_left
}

# ---------------------------------------------------------------------------------------
# global flags

@test "global flags in every form reach the command" {
  local forms=(
    "--root $ROOT"
    "--root=$ROOT"
    "-root $ROOT"
    "-root=$ROOT"
    "--root $ROOT --log $SANDBOX/log --log-format json"
    "--root $ROOT --log=$SANDBOX/log --log-format=json"
    "--root $ROOT --log-format text"
    "--root $ROOT --debug"
    "--root $ROOT --systemd-cgroup"
    "--root $ROOT --rootless"
    "--root $ROOT --rootless=false"
    "--root $ROOT --rootless=true"
    "--root $ROOT --rootless auto"
    "--root $ROOT --rootless false"
    "--root $ROOT --criu /usr/sbin/criu"
    "--debug --systemd-cgroup --rootless true --log $SANDBOX/log --log-format json --root $ROOT"
  )
  for f in "${forms[@]}"; do
    # shellcheck disable=SC2086
    run --separate-stderr "$SRUN" $f state "$ID"
    [ "$status" -eq 1 ] || { echo "$f: exit $status"; return 1; }
    grep -qFx "srun: container \"$ID\" does not exist" <<<"$stderr" || { echo "$f: $stderr"; return 1; }
  done
  assert_nothing_left
}

@test "--rootless without a value does not swallow the command" {
  cd "$SANDBOX"
  run --separate-stderr "$SRUN" --root "$ROOT" --rootless spec
  [ "$status" -eq 0 ]
  [ -f config.json ]
  rm config.json
  run --separate-stderr "$SRUN" --root "$ROOT" --rootless auto spec
  [ "$status" -eq 0 ]
  [ -f config.json ]
  assert_nothing_left
}

@test "invalid global flag values exit 1 and name the flag" {
  run --separate-stderr "$SRUN" --root "$ROOT" --log-format xml state "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"--log-format"* ]]
  [[ "$stderr" == *"xml"* ]]

  run --separate-stderr "$SRUN" --root "$ROOT" --log-format=xml state "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"--log-format"* ]]

  run --separate-stderr "$SRUN" --root "$ROOT" --rootless=maybe state "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"--rootless"* ]]
  assert_nothing_left
}

# ---------------------------------------------------------------------------------------
# logging

@test "--log with json format appends one JSON line per error, and the error goes to stderr" {
  local log=$SANDBOX/srun.log
  run --separate-stderr "$SRUN" --root "$ROOT" --log "$log" --log-format json state "$ID"
  [ "$status" -eq 1 ]
  [ "$stderr" = "srun: container \"$ID\" does not exist" ]
  [ "$(wc -l <"$log")" -eq 1 ]
  jq -e . "$log" >/dev/null
  [ "$(jq -r .level "$log")" = "error" ]
  [ "$(jq -r .msg "$log")" = "container \"$ID\" does not exist" ]
  [[ "$(jq -r .time "$log")" =~ $RFC3339 ]]
  local first
  first=$(head -n 1 "$log")

  run --separate-stderr "$SRUN" --root "$ROOT" --log "$log" --log-format=json state ".bad"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "*'".bad"'* ]]
  [ "$(wc -l <"$log")" -eq 2 ]
  [ "$(head -n 1 "$log")" = "$first" ]
  jq -se 'length == 2 and all(.[]; .level == "error")' "$log" >/dev/null
  local msg
  msg=$(tail -n 1 "$log" | jq -r .msg)
  [[ "$msg" == *"container id"* ]]
  [[ "$msg" == *'".bad"'* ]]
  [ "srun: $msg" = "$stderr" ]
  [[ "$(tail -n 1 "$log" | jq -r .time)" =~ $RFC3339 ]]
  # Exactly the three logrus keys.
  [ "$(tail -n 1 "$log" | jq -c 'keys')" = '["level","msg","time"]' ]
  assert_nothing_left
}

@test "--log with text format writes logrus text lines" {
  local log=$SANDBOX/srun.log
  # The message has quotes in it: logrus quotes the value and escapes them.
  local msg="msg=\"container \\\"$ID\\\" does not exist\""
  run --separate-stderr "$SRUN" --root "$ROOT" --log "$log" state "$ID"
  [ "$status" -eq 1 ]
  [ "$stderr" = "srun: container \"$ID\" does not exist" ]
  [ "$(wc -l <"$log")" -eq 1 ]
  grep -qE '^time="[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})" level=error msg=' "$log"
  [ "$(sed -E 's/^time="[^"]+" level=error //' "$log")" = "$msg" ]

  run --separate-stderr "$SRUN" --root "$ROOT" --log "$log" --log-format text kill "$ID"
  [ "$status" -eq 1 ]
  [ "$(wc -l <"$log")" -eq 2 ]
  tail -n 1 "$log" | grep -qE '^time="[^"]+" level=error msg='
  [ "$(tail -n 1 "$log" | sed -E 's/^time="[^"]+" level=error //')" = "$msg" ]
  assert_nothing_left
}

@test "--log text format quotes a message with quotes in it" {
  local log=$SANDBOX/srun.log
  run "$SRUN" --root "$ROOT" --log "$log" state 'a b'
  [ "$status" -eq 1 ]
  [ "$(wc -l <"$log")" -eq 1 ]
  grep -qE '^time="[^"]+" level=error msg=".*\\"a b\\".*"$' "$log"
  assert_nothing_left
}

@test "--log appends to an existing file" {
  local log=$SANDBOX/srun.log
  echo "existing line" >"$log"
  run "$SRUN" --root "$ROOT" --log "$log" --log-format json state "$ID"
  [ "$status" -eq 1 ]
  [ "$(wc -l <"$log")" -eq 2 ]
  [ "$(head -n 1 "$log")" = "existing line" ]
  [ "$(tail -n 1 "$log" | jq -r .msg)" = "container \"$ID\" does not exist" ]
  assert_nothing_left
}

@test "--debug adds debug lines to the log and keeps the error" {
  local log=$SANDBOX/srun.log
  run "$SRUN" --root "$ROOT" --debug --log "$log" --log-format json state "$ID"
  [ "$status" -eq 1 ]
  jq -se 'all(.[]; .level == "debug" or .level == "error")' "$log" >/dev/null
  [ "$(jq -s '[.[] | select(.level == "debug")] | length' "$log")" -ge 1 ]
  [ "$(jq -rs '[.[] | select(.level == "error")] | .[0].msg' "$log")" = "container \"$ID\" does not exist" ]
  [ "$(jq -rs '.[-1].level' "$log")" = "error" ]
  assert_nothing_left
}

# ---------------------------------------------------------------------------------------
# container ids

@test "valid container ids are accepted by every id-taking command" {
  local long expected
  long=$(printf 'a%.0s' {1..1024})
  # A config that validates, in a bundle without rootfs: create and run accept the id, read
  # and validate config.json, and stop at the missing rootfs before they make anything.
  # (srun spec's config asks for a terminal, which needs --console-socket: turned off.)
  run srun spec --bundle "$BUNDLE"
  [ "$status" -eq 0 ]
  jq '.process.terminal = false' "$BUNDLE/config.json" >"$BUNDLE/config.json.new"
  mv "$BUNDLE/config.json.new" "$BUNDLE/config.json"
  rmdir "$BUNDLE/rootfs"
  for id in a A_b+c-d.e 0 _x -lead +plus "$long"; do
    for command in "${ID_COMMANDS[@]}"; do
      case "$command" in
        create | run) expected="srun: config.json: root.path: $BUNDLE/rootfs is not a directory" ;;
        start | state | kill | delete | ps | pause | resume | events | update) expected="srun: container \"$id\" does not exist" ;;
        *) expected="srun: $command: not implemented yet" ;;
      esac
      # shellcheck disable=SC2046
      if [ "$command" = exec ]; then
        run --separate-stderr srun exec -- "$id" true
      else
        run --separate-stderr srun $(id_args "$command") -- "$id"
      fi
      [ "$status" -eq 1 ] || { echo "$command ${id:0:20}: exit $status"; return 1; }
      [ -z "$output" ] || { echo "$command ${id:0:20} wrote to stdout: $output"; return 1; }
      [ "$stderr" = "$expected" ] || { echo "$command ${id:0:20}: $stderr"; return 1; }
    done
    # delete --force of an id with no container succeeds.
    run --separate-stderr srun delete --force -- "$id"
    [ "$status" -eq 0 ] || { echo "delete --force ${id:0:20}: exit $status: $stderr"; return 1; }
    [ -z "$output$stderr" ] || { echo "delete --force ${id:0:20}: $output$stderr"; return 1; }
  done
  assert_nothing_left
}

@test "invalid container ids are refused by every id-taking command, naming the id problem" {
  local long
  long=$(printf 'a%.0s' {1..1025})
  run srun spec --bundle "$BUNDLE"
  [ "$status" -eq 0 ]
  mkdir -p "$ROOT"
  local before
  before=$(sandbox_listing)
  for id in . .. .hidden a/b ../x "a b" "" "$long" é "a:b" "a*" "a\\b"; do
    for command in "${ID_COMMANDS[@]}"; do
      # shellcheck disable=SC2046
      if [ "$command" = exec ]; then
        run --separate-stderr srun exec -- "$id" true
      else
        run --separate-stderr srun $(id_args "$command") -- "$id"
      fi
      [ "$status" -eq 1 ] || { echo "$command '${id:0:20}': exit $status"; return 1; }
      [ -z "$output" ] || { echo "$command '${id:0:20}' wrote to stdout: $output"; return 1; }
      [[ "$stderr" == "srun: "*"container id"* ]] || { echo "$command '${id:0:20}': $stderr"; return 1; }
      if [ -n "$id" ] && [ "${#id}" -le 1024 ]; then
        [[ "$stderr" == *"\"$id\""* ]] || { echo "$command '$id': message does not name the id: $stderr"; return 1; }
      fi
      [[ "$stderr" != *"not implemented"* ]] || { echo "$command '${id:0:20}' ran: $stderr"; return 1; }
    done
  done
  [ "$(sandbox_listing)" = "$before" ]
  [ -z "$(ls -A "$ROOT")" ]
  assert_nothing_left
}

@test "an over-long container id names the length limit" {
  local long
  long=$(printf 'b%.0s' {1..1025})
  run --separate-stderr srun state "$long"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"container id"* ]]
  [[ "$stderr" == *"1024"* ]]
  run --separate-stderr srun state ""
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"container id"* ]]
  [[ "$stderr" == *"empty"* ]]
  assert_nothing_left
}

# ---------------------------------------------------------------------------------------
# spec

# config.json with the ociVersion line made comparable.
normalize_spec() {
  sed -E 's/^(\s*"ociVersion": )"[^"]*"/\1"X"/' "$1"
}

@test "spec writes runc's config.json in the current directory, with ociVersion 1.2.0" {
  command -v runc >/dev/null || skip "runc is not installed"
  mkdir "$SANDBOX/srun" "$SANDBOX/runc"
  cd "$SANDBOX/srun"
  run --separate-stderr srun spec
  [ "$status" -eq 0 ]
  [ -z "$output" ]
  [ -z "$stderr" ]
  [ "$(ls -A)" = "config.json" ]
  (cd "$SANDBOX/runc" && runc spec)
  [ "$(jq -r .ociVersion config.json)" = "1.2.0" ]
  [ "$(jq -r .ociVersion "$SANDBOX/runc/config.json")" = "1.0.2-dev" ]
  diff <(normalize_spec config.json) <(normalize_spec "$SANDBOX/runc/config.json")
  # Only the version line differs: byte for byte the same otherwise.
  [ "$(diff config.json "$SANDBOX/runc/config.json" | grep -c '^[<>]')" -eq 2 ]
  assert_nothing_left
}

@test "spec --rootless writes runc's rootless config.json" {
  command -v runc >/dev/null || skip "runc is not installed"
  mkdir "$SANDBOX/srun" "$SANDBOX/runc"
  cd "$SANDBOX/srun"
  run --separate-stderr srun spec --rootless
  [ "$status" -eq 0 ]
  [ -z "$stderr" ]
  (cd "$SANDBOX/runc" && runc spec --rootless)
  diff <(normalize_spec config.json) <(normalize_spec "$SANDBOX/runc/config.json")
  [ "$(jq -r .ociVersion config.json)" = "1.2.0" ]
  jq -e '.linux.uidMappings | length == 1' config.json >/dev/null
  # Not the same as the rootful one.
  mkdir "$SANDBOX/rootful" && (cd "$SANDBOX/rootful" && "$SRUN" --root "$ROOT" spec)
  if cmp -s config.json "$SANDBOX/rootful/config.json"; then echo "rootless spec equals the rootful one"; return 1; fi
  assert_nothing_left
}

@test "spec -b DIR and --bundle DIR write DIR/config.json" {
  command -v runc >/dev/null || skip "runc is not installed"
  mkdir "$SANDBOX/a" "$SANDBOX/b" "$SANDBOX/c" "$SANDBOX/d" "$SANDBOX/cwd"
  cd "$SANDBOX/cwd"
  run srun spec -b "$SANDBOX/a"
  [ "$status" -eq 0 ]
  run srun spec --bundle "$SANDBOX/b"
  [ "$status" -eq 0 ]
  run srun spec --bundle=../c
  [ "$status" -eq 0 ]
  run srun spec -b=../d --rootless
  [ "$status" -eq 0 ]
  [ -z "$(ls -A)" ]
  mkdir "$SANDBOX/runc" && runc spec -b "$SANDBOX/runc"
  for d in a b c; do
    diff <(normalize_spec "$SANDBOX/$d/config.json") <(normalize_spec "$SANDBOX/runc/config.json")
  done
  jq -e '.linux.uidMappings | length == 1' "$SANDBOX/d/config.json" >/dev/null
  assert_nothing_left
}

@test "spec refuses to overwrite an existing config.json" {
  cd "$BUNDLE"
  run srun spec
  [ "$status" -eq 0 ]
  echo '{"mine": true}' >config.json
  run --separate-stderr srun spec
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "*"config.json"* ]]
  [ "$(cat config.json)" = '{"mine": true}' ]
  run --separate-stderr srun spec --bundle "$BUNDLE" --rootless
  [ "$status" -eq 1 ]
  [ "$(cat config.json)" = '{"mine": true}' ]
  assert_nothing_left
}

@test "spec into a missing directory exits 1 and creates nothing" {
  run --separate-stderr srun spec --bundle "$SANDBOX/missing"
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "* ]]
  [ ! -e "$SANDBOX/missing" ]
  assert_nothing_left
}

# ---------------------------------------------------------------------------------------
# features

@test "features prints the features document" {
  run --separate-stderr srun features
  [ "$status" -eq 0 ]
  [ -z "$stderr" ]
  local doc=$output
  jq -e . <<<"$doc" >/dev/null
  [ "$(jq -r .ociVersionMin <<<"$doc")" = "1.0.0" ]
  [ "$(jq -r .ociVersionMax <<<"$doc")" = "1.2.0" ]
  jq -e 'has("hooks") and has("mountOptions") and has("linux") and has("annotations")' <<<"$doc" >/dev/null
  jq -e '(.hooks | type == "array") and (.mountOptions | type == "array")' <<<"$doc" >/dev/null
  jq -e '.linux | has("namespaces") and has("capabilities") and has("cgroup") and has("seccomp")' <<<"$doc" >/dev/null
  jq -e '(.linux.namespaces | type == "array") and (.linux.capabilities | type == "array")' <<<"$doc" >/dev/null
  jq -e '(.linux.cgroup | type == "object") and (.linux.seccomp | type == "object")' <<<"$doc" >/dev/null

  run "$SRUN" --version
  local libseccomp=${lines[2]#libseccomp: }
  [ -n "$libseccomp" ]
  [ "$(jq -r '.annotations["io.github.seccomp.libseccomp.version"]' <<<"$doc")" = "$libseccomp" ]
  assert_nothing_left
}
