#!/usr/bin/env bash
# Installs what building and testing srun needs on a Debian machine. Idempotent: it only
# calls apt-get for packages that are missing.
set -euo pipefail

packages=(
  libseccomp-dev libcap-dev libyajl-dev   # linked into srun (statically)
  bats busybox-static jq file procps      # integration tests and the demo bundle
  strace                                  # integration tests: the early sealed re-exec
  runc crun                               # benchmarks compare against them
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "swift 6 is required on PATH" >&2; exit 1; }
