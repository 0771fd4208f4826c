# Sourced by the benchmark scripts: sets SRUN to the release binary (built when missing, or
# when SRUN_BUILD=1) unless the caller chose one; warns when the sources are newer.
# Needs $repo, the checkout's top directory.
if [[ -z "${SRUN:-}" ]]; then
    SRUN="$repo/.build/release/srun"
    if [[ ! -x "$SRUN" || "${SRUN_BUILD:-0}" == 1 ]]; then
        echo "building srun (swift build -c release --product srun)..." >&2
        (cd "$repo" && swift build -c release --product srun >&2)
    elif [[ -n "$(find "$repo/Sources" "$repo/Package.swift" -newer "$SRUN" -type f -print -quit 2>/dev/null)" ]]; then
        echo "note: sources are newer than $SRUN; set SRUN_BUILD=1 to rebuild first" >&2
    fi
fi
