#!/bin/sh
# Every benchmark on a 100,000-case database, with its goal.
# Not part of `make check`: run it on the machine that matters.
. "$(dirname "$0")/common.sh"
echo "bitim benchmarks, $CASES cases ($DB)"
echo "start and memory, keys:"
/usr/bin/python3 "$top/bench/tui.py" "$BITIM" "$DB"
echo "search:"
(cd "$top/_build" && make -s bench/bench_search >/dev/null)
"$top/_build/bench/bench_search" "$DB"
"$top/bench/export.sh"
