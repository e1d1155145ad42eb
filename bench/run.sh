#!/bin/sh
# Every benchmark, with its goal, at 10,000 and 100,000 cases, and at
# 1,000,000 with --1m (or the sizes given: run.sh 5000 20000); with --demo
# first, only `bitim demo --cases` (run.sh --demo --1m, run.sh --demo 1000000).
# Each size's
# register is made afresh by `bitim demo --cases N` (that is timed too), then
# only read: the interface works on a copy, search and export read it.
# Prints the median and the worst of each figure, a summary table, and exits
# 1 when a goal is missed. Not part of `make check`: run it on the machine
# that matters (`make bench`, `make bench-1m`).
. "$(dirname "$0")/common.sh"
sizes="10000 100000"
demo_only=
if [ "${1:-}" = --demo ]; then
	demo_only=1
	shift
fi
case "${1:-}" in
--1m) sizes="$sizes 1000000" ;;
"") ;;
*) sizes="$*" ;;
esac
(cd "$BUILD" && make -s bench/bench_search bench/floor >/dev/null)
results=$WORK/results.tsv
: >"$results"
echo "bitim benchmarks in $WORK, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $sizes; do
	db=$WORK/bench-$n.db
	rm -f "$db" "$db-wal" "$db-shm"
	echo "== $n cases"
	/usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$BITIM" demo --db "$db" --cases "$n" >/dev/null
	read -r secs kib user sys <"$WORK/time.txt"
	echo "  (demo --cases $n: $secs s, of which the processor $user s user and $sys s system;" \
		"load average $(cut -d' ' -f1-3 /proc/loadavg))"
	goal=- ok=-
	case $n in
	100000) goal="<= 3000 ms"; ok=$(awk -v s="$secs" 'BEGIN { print s <= 3 ? "ok" : "MISS" }') ;;
	1000000) goal="<= 30000 ms"; ok=$(awk -v s="$secs" 'BEGIN { print s <= 30 ? "ok" : "MISS" }') ;;
	esac
	ms=$(awk -v s="$secs" 'BEGIN { printf "%.0f", s * 1000 }')
	printf 'R\tdemo --cases, time (ms)\t%s\t%s\t%s\t-\t%s\t%s\n' "$n" "$ms" "$ms" "$goal" "$ok" | tee -a "$results"
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", (u + s) * 1000 }')
	printf 'R\tdemo --cases, processor time (ms)\t%s\t%s\t%s\t-\t-\t-\n' "$n" "$cpu" "$cpu" | tee -a "$results"
	printf 'R\tdemo --cases, peak RSS (MiB)\t%s\t%.1f\t%.1f\t-\t<= 64 MiB\t%s\n' "$n" "$(echo "$kib / 1024" | bc -l)" \
		"$(echo "$kib / 1024" | bc -l)" "$(awk -v k="$kib" 'BEGIN { print k <= 65536 ? "ok" : "MISS" }')" | tee -a "$results"
	[ -z "$demo_only" ] || continue
	chmod a-w "$db" # the benchmarks only read it
	/usr/bin/python3 "$top/bench/tui.py" "$BITIM" "$db" "$BUILD/bench/floor" "$n" | tee -a "$results"
	"$BUILD/bench/bench_search" "$db" | tee -a "$results" || true
	"$top/bench/export.sh" "$db" "$n" | tee -a "$results"
	chmod u+w "$db"
done
/usr/bin/python3 "$top/bench/summary.py" "$results"
