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
	echo "== $n cases"
	# The load is run three times: median and worst.
	runs=3
	: >"$WORK/demo-runs.txt"
	for _ in $(seq "$runs"); do
		rm -f "$db" "$db-wal" "$db-shm" "$db.partial"
		/usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$BITIM" demo --db "$db" --cases "$n" >/dev/null
		read -r secs kib user sys <"$WORK/time.txt"
		echo "  (demo --cases $n: $secs s, of which the processor $user s user and $sys s system;" \
			"peak $kib KiB; load average $(cut -d' ' -f1-3 /proc/loadavg))"
		echo "$secs $user $sys $kib" >>"$WORK/demo-runs.txt"
	done
	# median and worst of a column (1 wall, 2+3 processor, 4 KiB) in ms or MiB
	stat() {
		awk -v c="$1" '{ v = c == "cpu" ? ($2 + $3) * 1000 : c == "mem" ? $4 / 1024 : $1 * 1000; print v }' \
			"$WORK/demo-runs.txt" | sort -n | awk -v f="$([ "$1" = mem ] && echo %.1f || echo %.0f)" \
			'{ a[NR] = $1 } END { printf f "\t" f, a[int((NR + 1) / 2)], a[NR] }'
	}
	goal=- ok=-
	wall=$(stat wall)
	case $n in
	100000) goal="<= 3000 ms"; ok=$(echo "$wall" | awk '{ print $1 <= 3000 ? "ok" : "MISS" }') ;;
	1000000) goal="<= 30000 ms"; ok=$(echo "$wall" | awk '{ print $1 <= 30000 ? "ok" : "MISS" }') ;;
	esac
	printf 'R\tdemo --cases, time (ms)\t%s\t%s\t-\t%s\t%s\n' "$n" "$wall" "$goal" "$ok" | tee -a "$results"
	printf 'R\tdemo --cases, processor time (ms)\t%s\t%s\t-\t-\t-\n' "$n" "$(stat cpu)" | tee -a "$results"
	mem=$(stat mem)
	printf 'R\tdemo --cases, peak RSS (MiB)\t%s\t%s\t-\t<= 64 MiB\t%s\n' "$n" "$mem" \
		"$(echo "$mem" | awk '{ print $2 <= 64 ? "ok" : "MISS" }')" | tee -a "$results"
	[ -z "$demo_only" ] || continue
	chmod a-w "$db" # the benchmarks only read it
	/usr/bin/python3 "$top/bench/tui.py" "$BITIM" "$db" "$BUILD/bench/floor" "$n" | tee -a "$results"
	"$BUILD/bench/bench_search" "$db" | tee -a "$results" || true
	"$top/bench/export.sh" "$db" "$n" | tee -a "$results"
	# (on a writable copy made a real register: its backup and deadlines due)
	/usr/bin/python3 "$top/bench/start_work.py" "$BITIM" "$db" "$BUILD/bench/floor" "$n" | tee -a "$results"
	chmod u+w "$db"
done
/usr/bin/python3 "$top/bench/summary.py" "$results"
