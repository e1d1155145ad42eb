#!/bin/sh
# Merge at scale: one office's register of N cases (bitim demo --cases N, with
# its parties and the forms' fields: every table) merged into an empty
# regional database, then merged again unchanged (the monthly re-merge), then
# again after the office changed 5 % of its cases. Each timing is the median of
# RUNS runs on a fresh copy; peak memory is the largest of them.
#   bench/merge.sh            10,000 and 100,000 cases
#   bench/merge.sh 1000000    the sizes given (a million takes a while to make)
# Goals (issue 13): 100,000 cases in under 10 s, 1,000,000 in under 120 s,
# memory flat. Exits 1 when a goal is missed. Each figure is wall time, with
# the CPU time (user + system) of the same run beside it and the load average
# before and after: on a shared machine the wall time includes waiting for
# a core, the CPU time does not.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
BITIM=${BITIM:-$top/_build/src/bitim}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/bitim-bench}
RUNS=${RUNS:-3}
export LC_ALL=C.UTF-8 LANGUAGE=en TZ=UTC
[ -x "$BITIM" ] || { echo "build bitim first (.ci/build), or set BITIM" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "install sqlite3" >&2; exit 1; }
mkdir -p "$WORK"
sizes=${*:-10000 100000}
missed=0

# the load average of the last minute
load() { cut -d' ' -f1 /proc/loadavg; }

# "wall cpu" of the run just timed, cpu = user + system
timed() { awk '{ printf "%s %.2f", $1, $3 + $4 }' "$WORK/m.time"; }

# median of the numbers on stdin
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# run_timed OUT CMD...: time and peak memory (KB) of one run into OUT.
run_timed() {
	out=$1
	shift
	/usr/bin/time -f '%e %M %U %S' -o "$out.time" "$@" >"$out.log" 2>&1 || { cat "$out.log" >&2; exit 1; }
}

goal_for() {
	case $1 in
	100000) echo 10 ;;
	1000000) echo 120 ;;
	*) echo "" ;;
	esac
}

for n in $sizes; do
	src=$WORK/office-$n.db
	empty=$WORK/region-empty.db
	if [ ! -f "$src" ]; then
		"$BITIM" demo --db "$src" --cases "$n" --office A01 >/dev/null
	fi
	[ -f "$empty" ] || "$BITIM" demo --db "$empty" --cases 0 --office REG >/dev/null
	first="" again="" changed="" mem=0 cpu1="" cpu2="" cpu3="" load0=$(load)
	for run in $(seq "$RUNS"); do
		dst=$WORK/region-$n.db
		rm -f "$dst" "$dst"-* "$dst".before-merge-*
		cp "$empty" "$dst"
		run_timed "$WORK/m" "$BITIM" --db "$dst" merge "$src"
		set -- $(cat "$WORK/m.time")
		first="$first $1"
		[ "$2" -gt "$mem" ] && mem=$2
		cpu1="$cpu1 $(timed | cut -d' ' -f2)"
		run_timed "$WORK/m" "$BITIM" --db "$dst" merge "$src"
		set -- $(cat "$WORK/m.time")
		again="$again $1"
		cpu2="$cpu2 $(timed | cut -d' ' -f2)"
		grep -q 'conflicts 0' "$WORK/m.log" || { echo "an unchanged re-merge found conflicts" >&2; cat "$WORK/m.log" >&2; exit 1; }
		# The office changes 5 % of its open cases (a closed case can no longer
		# be changed, there as here); the region takes them, no conflict.
		cp "$src" "$WORK/office-changed.db"
		sqlite3 "$WORK/office-changed.db" "UPDATE cases SET village = 'Жаркент $run' WHERE id % 20 = 0 AND status = 'open'"
		want=$(sqlite3 "$WORK/office-changed.db" "SELECT count(*) FROM cases WHERE id % 20 = 0 AND status = 'open'")
		rm -f "$dst".before-merge-*
		run_timed "$WORK/m" "$BITIM" --db "$dst" merge "$WORK/office-changed.db"
		set -- $(cat "$WORK/m.time")
		changed="$changed $1"
		cpu3="$cpu3 $(timed | cut -d' ' -f2)"
		grep -q "updated $want, .*conflicts 0" "$WORK/m.log" ||
			{ echo "the $want changed cases were not all taken without conflict:" >&2; tail -3 "$WORK/m.log" >&2; exit 1; }
		rm -f "$dst".before-merge-*
	done
	m1=$(echo "$first" | tr ' ' '\n' | grep . | median)
	m2=$(echo "$again" | tr ' ' '\n' | grep . | median)
	m3=$(echo "$changed" | tr ' ' '\n' | grep . | median)
	c1=$(echo "$cpu1" | tr ' ' '\n' | grep . | median)
	c2=$(echo "$cpu2" | tr ' ' '\n' | grep . | median)
	c3=$(echo "$cpu3" | tr ' ' '\n' | grep . | median)
	printf '%8s cases: first merge %7.2f s (cpu %.2f), unchanged re-merge %7.2f s (cpu %.2f), 5%% of open changed %7.2f s (cpu %.2f), peak %d MB, load %s-%s' \
		"$n" "$m1" "$c1" "$m2" "$c2" "$m3" "$c3" $((mem / 1024)) "$load0" "$(load)"
	goal=$(goal_for "$n")
	if [ -n "$goal" ]; then
		worst=$(printf '%s\n%s\n%s\n' "$m1" "$m2" "$m3" | sort -n | tail -1)
		if [ "$(echo "$worst < $goal" | bc)" = 1 ]; then
			printf '  (goal < %s s: met)\n' "$goal"
		else
			wcpu=$(printf '%s\n%s\n%s\n' "$c1" "$c2" "$c3" | sort -n | tail -1)
			if [ "$(echo "$wcpu < $goal" | bc)" = 1 ]; then
				printf '  (goal < %s s: MISSED in wall time, %s s, though the CPU time is %s s: the cores were shared, load %s)\n' \
					"$goal" "$worst" "$wcpu" "$(load)"
			else
				printf '  (goal < %s s: MISSED, %s s wall, %s s of CPU)\n' "$goal" "$worst" "$wcpu"
			fi
			missed=1
		fi
	else
		printf '\n'
	fi
done
exit $missed
