#!/usr/bin/env bash
# The README's first command: installs what srun needs, builds it, makes a busybox
# bundle and runs it as a container with srun.
set -euo pipefail
cd "$(dirname "$0")/.."
integration/install-deps.sh
SRUN=$(integration/build.sh)
export SRUN
bundle=${BUNDLE:-/tmp/srun-demo-bundle}
rm -rf "$bundle"
integration/make-bundle.sh "$bundle" sh -c 'echo "hello from a srun container: $(hostname), pid $$, $(id)"; ls /'

echo "== $SRUN --version"
"$SRUN" --version
echo "== srun run --bundle $bundle (busybox from Debian's busybox-static)"
"$SRUN" --root /tmp/srun-demo-root run --bundle "$bundle" "srun-demo-$$"
