#!/usr/bin/env bash
# The README's first command: installs what srun needs, builds it, makes a busybox
# bundle, and shows srun on it.
set -euo pipefail
cd "$(dirname "$0")/.."
integration/install-deps.sh
SRUN=$(integration/build.sh)
export SRUN
bundle=${BUNDLE:-/tmp/srun-demo-bundle}
rm -rf "$bundle"
integration/make-bundle.sh "$bundle" sh -c 'echo hello from a srun container; uname -a'

echo "== $SRUN --version"
"$SRUN" --version
echo "== bundle $bundle (config from srun spec):"
jq -c '{ociVersion, args: .process.args, namespaces: [.linux.namespaces[].type]}' "$bundle/config.json"
echo "== srun features (summary)"
"$SRUN" features | jq -c '{ociVersionMin, ociVersionMax, annotations}'
echo "== srun run (checks the bundle's config; starting containers is the lifecycle work)"
"$SRUN" --root /tmp/srun-demo-root run --bundle "$bundle" "demo-$$" || true
