# Shared setup for the bats suites: the built binary, a private --root, unique ids,
# and a check that a test left nothing on the host.

SRUN=${SRUN:-$BATS_TEST_DIRNAME/../.build/release/srun}
FIXTURES=$BATS_TEST_DIRNAME/../spec-fixtures

setup_sandbox() {
  SANDBOX=$(mktemp -d /tmp/srun-bats.XXXXXX)
  ROOT=$SANDBOX/root
  BUNDLE=$SANDBOX/bundle
  mkdir -p "$BUNDLE/rootfs"
  ID="srun-test-$$-${BATS_TEST_NUMBER}-$RANDOM"
}

teardown_sandbox() {
  rm -rf "$SANDBOX"
}

# srun with this test's root; output in $output, status in $status (bats `run`).
srun() {
  "$SRUN" --root "$ROOT" "$@"
}

# Nothing may remain after a failed or finished command: no state under the root, no mount,
# cgroup or process that names the container.
assert_nothing_left() {
  if [ -d "$ROOT" ] && [ -n "$(ls -A "$ROOT")" ]; then
    echo "state left under $ROOT: $(ls -A "$ROOT")"; return 1
  fi
  if grep -qF -e "$SANDBOX" -e "$ID" /proc/self/mountinfo; then
    echo "mount left: $(grep -F -e "$SANDBOX" -e "$ID" /proc/self/mountinfo)"; return 1
  fi
  local leftover
  leftover=$(find /sys/fs/cgroup -maxdepth 4 -type d -name "*$ID*" 2>/dev/null | head -n 3)
  if [ -n "$leftover" ]; then echo "cgroup left: $leftover"; return 1; fi
  if pgrep -f -- "$ID" >/dev/null; then echo "process left: $(pgrep -af -- "$ID")"; return 1; fi
}
