# Shared by the benchmarks: the binary, a 100,000-case database, timing.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
BITIM=${BITIM:-$top/_build/src/bitim}
CASES=${CASES:-100000}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/bitim-bench}
DB=$WORK/bench-$CASES.db
export LC_ALL=C.UTF-8 LANGUAGE=en TZ=UTC

[ -x "$BITIM" ] || { echo "build bitim first (.ci/build), or set BITIM" >&2; exit 1; }
mkdir -p "$WORK"
if [ ! -f "$DB" ]; then
	start=$(date +%s.%N)
	"$BITIM" demo --db "$DB" --cases "$CASES" >/dev/null
	printf 'made %s cases in %.1f s (%s)\n' "$CASES" "$(echo "$(date +%s.%N) - $start" | bc)" "$DB"
fi

# best_of N CMD...: the fastest of N runs, in seconds.
best_of() {
	n=$1
	shift
	best=
	for _ in $(seq "$n"); do
		s=$(date +%s.%N)
		"$@" >/dev/null
		t=$(echo "$(date +%s.%N) - $s" | bc)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
	done
	echo "$best"
}
