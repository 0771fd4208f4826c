# What the container suites (lifecycle, process, hooks, cgroups, security) share on top of
# helpers.bash: editing the bundle's config, running srun with its output in files, waiting
# for the container's processes to be gone, and cleaning up after a failed test.

# setup_file: one busybox bundle for the whole file, in $TEMPLATE.
make_template() {
  export TEMPLATE=$BATS_FILE_TMPDIR/template
  SRUN=$SRUN "$BATS_TEST_DIRNAME/make-bundle.sh" "$TEMPLATE" sh
}

# setup: this test's sandbox, with a copy of the template as its bundle (faster than make-bundle.sh).
sandbox_from_template() {
  setup_sandbox
  cp -a "$TEMPLATE/." "$BUNDLE/"
}

# assert_nothing_left, and every container process seen has exited.
assert_all_gone() {
  assert_nothing_left
  local pid
  for pid in "${PIDS[@]}"; do
    wait_for exited "$pid" || { echo "process $pid left: $(head -n 3 "/proc/$pid/status" 2>/dev/null)"; return 1; }
  done
  if [ -d "$ROOT" ]; then
    [ -z "$(ls -A "$ROOT")" ] || { echo "left under root: $(ls -A "$ROOT")"; return 1; }
  fi
}

# Edits the bundle's config.json with jq: cfg [JQ-OPTION...] FILTER. CONFIG picks another file.
cfg() {
  local file=${CONFIG:-$BUNDLE/config.json}
  jq "$@" "$file" >"$file.new" && mv "$file.new" "$file"
}

# True when pid $1 has exited: gone, or a zombie that only the host's init has to reap
# (this VM's pid 1 reaps orphans slowly).
exited() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  stat=${stat##*) }
  [[ "$stat" == "Z 1 "* || "$stat" == "X "* ]]
}

# Sets process.args.
set_args() {
  local args
  args=$(for a in "$@"; do jq -n --arg a "$a" '$a'; done | jq -sc .)
  cfg --argjson a "$args" '.process.args = $a'
}

# srun with stdin from $STDIN (default /dev/null) and stdout/stderr into new files, so a
# container it leaves behind holds none of bats' pipes. Sets status, output and stderr
# (what was written by the time srun returned); OUT and ERR name the files, which a
# created container keeps as its stdout and stderr.
srun_files() {
  N=$((N + 1))
  OUT=$SANDBOX/out.$N
  ERR=$SANDBOX/err.$N
  status=0
  timeout 30 "$SRUN" --root "$ROOT" "$@" <"${STDIN:-/dev/null}" >"$OUT" 2>"$ERR" 3>&- || status=$?
  output=$(cat "$OUT")
  stderr=$(cat "$ERR")
}

# Retries a command for up to 5 s.
wait_for() {
  local i
  for i in $(seq 100); do
    "$@" && return 0
    sleep 0.05
  done
  "$@"
}

# Runs the container's process (ARGS) to completion with `srun run`; it must exit 0.
in_container() {
  set_args "$@"
  srun_files run --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "srun run: exit $status"; echo "stdout: $output"; echo "stderr: $stderr"; return 1; }
}

# Runs a shell script in the container.
sh_in_container() { in_container sh -c "$1"; }

# The line of $output that starts with "$1=", without the prefix.
value() {
  local line
  while IFS= read -r line; do
    if [[ "$line" == "$1="* ]]; then echo "${line#"$1"=}"; return 0; fi
  done <<<"$output"
  echo "no line $1= in: $output" >&2
  return 1
}

# teardown: mounts a failed test left under its sandbox, innermost first.
unmount_sandbox() {
  grep -F "$SANDBOX" /proc/self/mountinfo | awk '{print $5}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
}

# teardown: cgroups a failed test left, named after its container id, innermost first.
remove_test_cgroups() {
  local dir
  for dir in $(find /sys/fs/cgroup -mindepth 1 -maxdepth 4 -type d -name "*$ID*" 2>/dev/null | sort -r); do rmdir "$dir" 2>/dev/null || true; done
}
