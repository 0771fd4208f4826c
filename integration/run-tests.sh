#!/usr/bin/env bash
# The whole test suite, as the README's second command: installs what it needs, builds,
# runs the unit tests (swift test) and the end-to-end tests (bats), then prints one line
# `N passed, M failed`. Exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
integration/install-deps.sh || exit 1
SRUN=$(integration/build.sh) || { echo "0 passed, 1 failed"; exit 1; }
export SRUN

log=$(mktemp -d /tmp/srun-tests.XXXXXX)
trap 'rm -rf "$log"' EXIT

echo "== unit tests (swift test)"
swift test 2>&1 | tee "$log/unit.txt"
unit_status=${PIPESTATUS[0]}
# Swift Testing prints one closing line per test function; parameterised ones count their cases.
unit_passed=$(grep -E '^✔ Test .*passed after' "$log/unit.txt" | grep -vE '^✔ Test run with' | wc -l)
unit_failed=$(grep -E '^✘ Test .*failed after' "$log/unit.txt" | grep -vE '^✘ Test run with' | wc -l)
if ((unit_status != 0 && unit_failed == 0)); then unit_failed=1; fi

echo "== integration tests (bats)"
bats --tap integration/*.bats 2>&1 | tee "$log/bats.txt"
bats_status=${PIPESTATUS[0]}
bats_passed=$(grep -cE '^ok ' "$log/bats.txt")
bats_failed=$(grep -cE '^not ok ' "$log/bats.txt")
if ((bats_status != 0 && bats_failed == 0)); then bats_failed=1; fi

passed=$((unit_passed + bats_passed))
failed=$((unit_failed + bats_failed))
echo "unit: $unit_passed passed, $unit_failed failed; integration: $bats_passed passed, $bats_failed failed"
echo "$passed passed, $failed failed"
((failed == 0))
