# Shared by the benchmarks: the programs, the work folder, the locale.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BENCH_BUILD:-$top/_build}
BITIM=${BITIM:-$BUILD/src/bitim}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/bitim-bench}
export LC_ALL=C.UTF-8 LANGUAGE=en TZ=UTC BITIM BENCH_DIR="$WORK"
export BITIM_FORMS=${BITIM_FORMS:-$top/forms}
[ -x "$BITIM" ] || { echo "build bitim first (.ci/build), or set BITIM" >&2; exit 1; }
mkdir -p "$WORK"
