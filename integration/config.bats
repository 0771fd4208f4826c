#!/usr/bin/env bats
# Loading a bundle's config.json through `srun create` and `srun run`. Both read and
# validate the config before they make anything. A config that validates is shown so in
# one of two ways: with a busybox rootfs (make_bundle) the container is really created or
# run; in a bundle without rootfs (config_only_bundle) create and run stop right after the
# validation with `config.json: root.path: DIR is not a directory` and make nothing. Any
# other message is the validation's verdict.

bats_require_minimum_version 1.5.0

setup() {
  load helpers
  setup_sandbox
}

teardown() {
  "$SRUN" --root "$ROOT" delete --force "$ID" >/dev/null 2>&1 || true
  teardown_sandbox
}

# $BUNDLE with srun spec's config, set to run `true` without a terminal, and a busybox rootfs.
make_bundle() {
  SRUN=$SRUN "$BATS_TEST_DIRNAME/make-bundle.sh" "$BUNDLE" true
}

# srun "$@" with its stdio in files, setting $status, $output and $stderr as bats' run
# does: a created container's process keeps the stdio it was given (pass-through, as with
# runc), so a pipe from bats' run would see no end of file until the container is deleted.
srun_detached() {
  status=0
  srun "$@" </dev/null >"$SANDBOX/stdout" 2>"$SANDBOX/stderr" || status=$?
  output=$(cat "$SANDBOX/stdout")
  stderr=$(cat "$SANDBOX/stderr")
}

# The message (without `srun: `) of a create or run whose config validated, when the
# rootfs $1 is not there.
rootfs_missing() {
  echo "config.json: root.path: $1 is not a directory"
}

# Makes $1 a bundle with srun spec's config (spec flags $2...) and no rootfs: create and run
# of it fail with rootfs_missing "$1/rootfs". The terminal is turned off, as srun refuses a
# terminal without --console-socket before it looks for the rootfs.
config_only_bundle() {
  local dir=$1
  shift
  mkdir -p "$dir"
  rm -rf "$dir/rootfs" "$dir/config.json"
  "$SRUN" spec --bundle "$dir" "$@"
  jq '.process.terminal = false' "$dir/config.json" >"$dir/config.json.new"
  mv "$dir/config.json.new" "$dir/config.json"
}

# Puts a copy of $1 in the bundle as config.json (never following an old config.json).
use_config() {
  rm -rf "$BUNDLE/config.json"
  cp "$1" "$BUNDLE/config.json"
}

# True when the text $1 has a line that is exactly $2.
has_line() {
  [[ $'\n'"$1"$'\n' == *$'\n'"$2"$'\n'* ]]
}

# Runs `srun $command --bundle $BUNDLE $ID` on every spec-fixtures/invalid/*.json and checks
# it exits 1 with `srun: ` + the .error file on stderr, the same text as .msg of exactly
# one JSON error line in --log, and leaves nothing. Reports every failing fixture.
check_invalid_fixtures() {
  local command=$1 json name errfile expected log checked=0
  local failures=()
  local files=()
  for json in "$FIXTURES"/invalid/*.json; do [ -f "$json" ] && files+=("$json"); done
  [ "${#files[@]}" -gt 0 ] || { echo "no fixtures in $FIXTURES/invalid"; return 1; }
  for errfile in "$FIXTURES"/invalid/*.error; do
    [ -f "$errfile" ] && [ ! -f "${errfile%.error}.json" ] && failures+=("$(basename "$errfile"): no matching .json")
  done
  for json in "${files[@]}"; do
    name=$(basename "$json" .json)
    errfile=${json%.json}.error
    if [ ! -f "$errfile" ]; then failures+=("$name: no $name.error"); continue; fi
    expected=$(cat "$errfile")
    if [ -z "$expected" ]; then failures+=("$name: $name.error is empty"); continue; fi
    use_config "$json"
    log=$SANDBOX/$name.log
    run --separate-stderr srun --log "$log" --log-format json "$command" --bundle "$BUNDLE" "$ID"
    checked=$((checked + 1))
    if [ "$status" -ne 1 ]; then
      failures+=("$name: exit $status, stderr: $stderr"); continue
    fi
    if [ -n "$output" ]; then
      failures+=("$name: wrote to stdout: $output"); continue
    fi
    if ! has_line "$stderr" "srun: $expected"; then
      failures+=("$name: expected 'srun: $expected', got '$stderr'"); continue
    fi
    if [ ! -f "$log" ] || [ "$(wc -l <"$log")" -ne 1 ]; then
      failures+=("$name: --log does not hold exactly one line: $(cat "$log" 2>/dev/null)"); continue
    fi
    if [ "$(jq -r .level "$log")" != error ] || [ "$(jq -r .msg "$log")" != "$expected" ]; then
      failures+=("$name: log line is $(cat "$log")"); continue
    fi
    local left
    if ! left=$(assert_nothing_left); then
      failures+=("$name: $left"); continue
    fi
  done
  echo "$command: checked $checked fixtures, ${#failures[@]} failed"
  if ((${#failures[@]})); then
    printf '  %s\n' "${failures[@]}"
    return 1
  fi
}

# `srun $1 ...` must fail with exit 1 and a message that names config.json, and leave nothing.
expect_config_error() {
  run --separate-stderr srun "$@"
  [ "$status" -eq 1 ] || { echo "exit $status: $stderr"; return 1; }
  [ -z "$output" ] || { echo "stdout: $output"; return 1; }
  [[ "$stderr" == "srun: "*"config.json"* ]] || { echo "message does not name config.json: $stderr"; return 1; }
  [[ "$stderr" != *"root.path: "*" is not a directory"* ]] || { echo "the config was accepted: $stderr"; return 1; }
  assert_nothing_left
}

# ---------------------------------------------------------------------------------------
# a valid config

@test "create with the config from srun spec validates it and creates the container" {
  make_bundle
  srun_detached create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "exit $status: $stderr"; return 1; }
  [ -z "$output" ]
  [ -z "$stderr" ]
  run --separate-stderr srun state "$ID"
  [ "$status" -eq 0 ]
  [ "$(jq -r .status <<<"$output")" = created ]
  [ "$(jq -r .bundle <<<"$output")" = "$BUNDLE" ]
  run --separate-stderr srun delete --force "$ID"
  [ "$status" -eq 0 ]
  assert_nothing_left
}

@test "run with the config from srun spec validates it and runs the container" {
  make_bundle
  run --separate-stderr srun run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "exit $status: $stderr"; return 1; }
  [ -z "$output" ]
  [ -z "$stderr" ]
  # Without --keep, run deletes the container once its process has exited.
  run --separate-stderr srun state "$ID"
  [ "$status" -eq 1 ]
  [ "$stderr" = "srun: container \"$ID\" does not exist" ]
  assert_nothing_left
}

@test "the rootless config from srun spec --rootless is valid too" {
  config_only_bundle "$BUNDLE" --rootless
  jq -e '.linux.uidMappings | length == 1' "$BUNDLE/config.json" >/dev/null
  run --separate-stderr srun create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [ -z "$output" ]
  [ "$stderr" = "srun: $(rootfs_missing "$BUNDLE/rootfs")" ]
  assert_nothing_left
}

@test "every spec-fixtures/valid config passes validation" {
  # No rootfs: a config that validates stops at its missing root.path, or, before that, at
  # what srun refuses of a valid config (a terminal without --console-socket, a time
  # namespace) when the fixture asks for it. Warnings may come first.
  rmdir "$BUNDLE/rootfs"
  local json failures=() checked=0 root last accepted
  for json in "$FIXTURES"/valid/*.json; do
    [ -f "$json" ] || continue
    use_config "$json"
    run --separate-stderr srun create --bundle "$BUNDLE" "$ID"
    checked=$((checked + 1))
    root=$(jq -r .root.path "$json")
    [[ "$root" == /* ]] || root=$BUNDLE/$root
    accepted=("srun: $(rootfs_missing "$root")")
    if jq -e '.process.terminal == true' "$json" >/dev/null; then
      accepted+=("srun: process.terminal is true: --console-socket is required")
    fi
    if jq -e '[.linux.namespaces[]?.type] | index("time")' "$json" >/dev/null; then
      accepted+=("srun: linux.namespaces: time namespaces are not implemented yet")
    fi
    last=${stderr##*$'\n'}
    if [ "$status" -ne 1 ] || [ -n "$output" ] || ! printf '%s\n' "${accepted[@]}" | grep -qFx -- "$last" ||
      grep -v -e '^srun: warning: ' <<<"${stderr%"$last"}" | grep -q .; then
      failures+=("$(basename "$json"): exit $status: $stderr")
    fi
  done
  echo "checked $checked valid fixtures, ${#failures[@]} failed"
  [ "$checked" -gt 0 ]
  if ((${#failures[@]})); then printf '  %s\n' "${failures[@]}"; return 1; fi
  assert_nothing_left
}

# ---------------------------------------------------------------------------------------
# invalid configs

@test "create refuses every spec-fixtures/invalid config with its .error message" {
  check_invalid_fixtures create
}

@test "run refuses every spec-fixtures/invalid config with its .error message" {
  check_invalid_fixtures run
}

@test "the error of an invalid config goes to a text --log too" {
  local json
  for json in "$FIXTURES"/invalid/*.json; do [ -f "$json" ] && break; done
  [ -f "$json" ] || skip "no invalid fixtures yet"
  [ -f "${json%.json}.error" ] || skip "$(basename "$json") has no .error yet"
  use_config "$json"
  local expected
  expected=$(cat "${json%.json}.error")
  run --separate-stderr srun --log "$SANDBOX/log" create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [ "$(wc -l <"$SANDBOX/log")" -eq 1 ]
  grep -q '^time="[^"]*" level=error msg=".*"$' "$SANDBOX/log"
  # The text line holds the message, quoted as logrus does: compare its unquoted form.
  local quoted
  quoted=$(sed -E 's/^time="[^"]*" level=error msg=//' "$SANDBOX/log")
  [ "$(jq -r . <<<"$quoted")" = "$expected" ]
  assert_nothing_left
}

@test "configs that are not a JSON object exit 1 naming config.json" {
  local c
  for c in '' ' ' 'null' '[]' '"config"' '42' 'garbage' '{' '{"ociVersion": "1.2.0"} trailing'; do
    rm -rf "$BUNDLE/config.json"
    printf '%s' "$c" >"$BUNDLE/config.json"
    expect_config_error create --bundle "$BUNDLE" "$ID" || { echo "for config.json '$c'"; return 1; }
    expect_config_error run --bundle "$BUNDLE" "$ID" || { echo "for config.json '$c'"; return 1; }
  done
}

@test "a config without required fields exits 1 naming config.json and the field" {
  echo '{}' >"$BUNDLE/config.json"
  expect_config_error create --bundle "$BUNDLE" "$ID"
  [[ "$stderr" == *"ociVersion"* ]]
  echo '{"ociVersion": "1.2.0"}' >"$BUNDLE/config.json"
  expect_config_error create --bundle "$BUNDLE" "$ID"
  [[ "$stderr" == *"root"* ]]
}

# ---------------------------------------------------------------------------------------
# finding config.json

@test "a missing bundle directory exits 1 naming config.json" {
  expect_config_error create --bundle "$SANDBOX/missing" "$ID"
  expect_config_error run --bundle "$SANDBOX/missing" "$ID"
  [ ! -e "$SANDBOX/missing" ]
}

@test "a bundle without config.json exits 1 naming config.json" {
  expect_config_error create --bundle "$BUNDLE" "$ID"
  expect_config_error run -b "$BUNDLE" "$ID"
  [ ! -e "$BUNDLE/config.json" ]
}

@test "an empty config.json exits 1 naming config.json" {
  : >"$BUNDLE/config.json"
  expect_config_error create --bundle "$BUNDLE" "$ID"
  expect_config_error run --bundle "$BUNDLE" "$ID"
}

@test "a config.json that is a directory exits 1 naming config.json" {
  mkdir "$BUNDLE/config.json"
  expect_config_error create --bundle "$BUNDLE" "$ID"
  expect_config_error run --bundle "$BUNDLE" "$ID"
  [ -d "$BUNDLE/config.json" ]
}

@test "a config.json that is a dangling symlink or a symlink to a directory exits 1" {
  ln -s nowhere "$BUNDLE/config.json"
  expect_config_error create --bundle "$BUNDLE" "$ID"
  rm "$BUNDLE/config.json"
  ln -s "$BUNDLE/rootfs" "$BUNDLE/config.json"
  expect_config_error create --bundle "$BUNDLE" "$ID"
}

@test "an unreadable config.json exits 1 naming config.json" {
  run srun spec --bundle "$BUNDLE"
  [ "$status" -eq 0 ]
  chmod 000 "$BUNDLE/config.json"
  if [ "$(id -u)" -eq 0 ]; then
    # root reads anything: run srun as nobody, with the way to the file open to it.
    command -v setpriv >/dev/null || skip "setpriv is not installed"
    chmod 755 "$SANDBOX" "$BUNDLE"
    mkdir -p "$ROOT" && chmod 777 "$ROOT"
    run --separate-stderr setpriv --reuid=65534 --regid=65534 --clear-groups \
      "$SRUN" --root "$ROOT" create --bundle "$BUNDLE" "$ID"
  else
    run --separate-stderr srun create --bundle "$BUNDLE" "$ID"
  fi
  [ "$status" -eq 1 ]
  [[ "$stderr" == "srun: "*"config.json"* ]]
  [[ "$stderr" != *"not implemented"* ]]
  assert_nothing_left
}

@test "--bundle and -b take a relative path" {
  make_bundle
  cd "$SANDBOX"
  local form
  for form in "--bundle bundle" "--bundle=bundle" "-b bundle" "-b=bundle" "-b ./bundle/" "--bundle ../$(basename "$SANDBOX")/bundle" "-bundle bundle"; do
    # shellcheck disable=SC2086
    srun_detached create $form "$ID"
    [ "$status" -eq 0 ] || { echo "$form: exit $status: $stderr"; return 1; }
    [ -z "$output$stderr" ] || { echo "$form: $output$stderr"; return 1; }
    run --separate-stderr srun state "$ID"
    [ "$(jq -r .bundle <<<"$output")" = "$BUNDLE" ] || { echo "$form: state: $output$stderr"; return 1; }
    run --separate-stderr srun delete --force "$ID"
    [ "$status" -eq 0 ] || { echo "$form: delete: $stderr"; return 1; }
    # shellcheck disable=SC2086
    run --separate-stderr srun run $form "$ID"
    [ "$status" -eq 0 ] || { echo "run $form: exit $status: $stderr"; return 1; }
    [ -z "$output$stderr" ] || { echo "run $form: $output$stderr"; return 1; }
    assert_nothing_left || { echo "after $form"; return 1; }
  done
  # A relative path is taken from the cwd: from elsewhere it is not found.
  cd "$BUNDLE/rootfs"
  expect_config_error create --bundle bundle "$ID"
}

@test "the default bundle is the current directory" {
  make_bundle
  cd "$BUNDLE"
  srun_detached create "$ID"
  [ "$status" -eq 0 ] || { echo "exit $status: $stderr"; return 1; }
  [ -z "$stderr" ]
  run --separate-stderr srun state "$ID"
  [ "$(jq -r .bundle <<<"$output")" = "$BUNDLE" ]
  run --separate-stderr srun delete --force "$ID"
  [ "$status" -eq 0 ]
  run --separate-stderr srun run "$ID"
  [ "$status" -eq 0 ] || { echo "exit $status: $stderr"; return 1; }
  [ -z "$stderr" ]
  assert_nothing_left

  # An empty directory as cwd: config.json is looked for there.
  cd "$BUNDLE/rootfs"
  expect_config_error create "$ID"
  expect_config_error run "$ID"

  # An invalid config in the cwd is the one that is read.
  local json
  for json in "$FIXTURES"/invalid/*.json; do [ -f "$json" ] && [ -f "${json%.json}.error" ] && break; done
  if [ -f "$json" ] && [ -f "${json%.json}.error" ]; then
    cp "$json" "$BUNDLE/rootfs/config.json"
    run --separate-stderr srun create "$ID"
    [ "$status" -eq 1 ]
    [ "$stderr" = "srun: $(cat "${json%.json}.error")" ]
  fi
  assert_nothing_left
}

# ---------------------------------------------------------------------------------------
# create and run flags

@test "--preserve-fds takes a non-negative integer" {
  # No rootfs: a value that is taken reaches the config and stops at the missing rootfs; a
  # refused one stops before config.json is read.
  config_only_bundle "$BUNDLE"
  local command value
  for command in create run; do
    for value in abc -1 1.5 "" 0x3 " 2"; do
      run --separate-stderr srun "$command" --bundle "$BUNDLE" --preserve-fds="$value" "$ID"
      [ "$status" -eq 1 ] || { echo "$command --preserve-fds='$value': exit $status"; return 1; }
      [[ "$stderr" == *"--preserve-fds"* ]] || { echo "$command --preserve-fds='$value': $stderr"; return 1; }
      [[ "$stderr" != *"config.json"* ]] || { echo "$command --preserve-fds='$value' accepted: $stderr"; return 1; }
    done
    run --separate-stderr srun "$command" --bundle "$BUNDLE" --preserve-fds abc "$ID"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"--preserve-fds"* ]]
    [[ "$stderr" == *"abc"* ]]
    run --separate-stderr srun "$command" --bundle "$BUNDLE" --preserve-fds -1 "$ID"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"--preserve-fds"* ]]
    [[ "$stderr" != *"config.json"* ]]
    for value in 0 2; do
      run --separate-stderr srun "$command" --bundle "$BUNDLE" --preserve-fds "$value" "$ID"
      [ "$status" -eq 1 ]
      [ "$stderr" = "srun: $(rootfs_missing "$BUNDLE/rootfs")" ] || { echo "$command --preserve-fds $value: $stderr"; return 1; }
    done
  done
  assert_nothing_left
}

@test "create and run accept runc's other flags before the config is read" {
  make_bundle
  srun_detached create --bundle "$BUNDLE" \
    --pid-file "$SANDBOX/pid" --no-pivot --no-new-keyring "$ID"
  [ "$status" -eq 0 ] || { echo "create: exit $status: $stderr"; return 1; }
  [ -z "$output$stderr" ]
  run --separate-stderr srun state "$ID"
  [ "$(jq -r .status <<<"$output")" = created ]
  [ "$(cat "$SANDBOX/pid")" = "$(jq -r .pid <<<"$output")" ]
  run --separate-stderr srun delete --force "$ID"
  [ "$status" -eq 0 ]
  assert_nothing_left

  srun_detached run --bundle "$BUNDLE" -d --keep --pid-file "$SANDBOX/pid2" \
    --no-subreaper --no-pivot --no-new-keyring "$ID"
  [ "$status" -eq 0 ] || { echo "run: exit $status: $stderr"; return 1; }
  [ -z "$output$stderr" ]
  # --keep: the container stays after its process has exited.
  run --separate-stderr srun state "$ID"
  [ "$status" -eq 0 ]
  # The pid file names the process that ran; state shows pid 0 once it has exited, as runc does.
  [[ "$(cat "$SANDBOX/pid2")" =~ ^[1-9][0-9]*$ ]]
  case "$(jq -r .status <<<"$output")" in
    running) [ "$(cat "$SANDBOX/pid2")" = "$(jq -r .pid <<<"$output")" ] ;;
    stopped) [ "$(jq -r .pid <<<"$output")" = 0 ] ;;
    *) echo "unexpected state: $output"; return 1 ;;
  esac
  run --separate-stderr srun delete --force "$ID"
  [ "$status" -eq 0 ]

  # --console-socket with the others: the flags are taken and the config is read; as runc,
  # srun refuses a console socket for a process without a terminal, and makes neither the
  # socket (the caller does) nor the pid file.
  config_only_bundle "$SANDBOX/norootfs"
  run --separate-stderr srun create --bundle "$SANDBOX/norootfs" --console-socket "$SANDBOX/sock" \
    --pid-file "$SANDBOX/pid3" --no-pivot --no-new-keyring "$ID"
  [ "$status" -eq 1 ]
  [ "$stderr" = "srun: --console-socket is only for a process with a terminal (process.terminal is not true)" ]
  [ ! -e "$SANDBOX/pid3" ]
  [ ! -e "$SANDBOX/sock" ]
  assert_nothing_left
}

@test "an invalid id is refused before the bundle is read" {
  run --separate-stderr srun create --bundle "$SANDBOX/missing" "../$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"container id"* ]]
  [[ "$stderr" != *"config.json"* ]]
  assert_nothing_left
}
