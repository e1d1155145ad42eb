#!/bin/sh
# The regional coordinator's month, at scale: OFFICES registers made with
# `bitim demo --cases` (different office codes, and two more sharing one code)
# merged into one regional database in one command; then each office changes
# some of its open cases, the region edits a few of the same fields itself,
# and the merge runs again: only those few true two-sided edits may be
# conflicts. Prints the times; exits 1 when a count is wrong or the first
# merge of 100,000 cases takes 10 s or more.
#   bench/offices.sh                 77 offices, 100,000 cases in all
#   OFFICES=10 CASES=20000 bench/offices.sh
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
BITIM=${BITIM:-$top/_build/src/bitim}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/bitim-bench}/offices-${OFFICES:-77}-${CASES:-100000}
OFFICES=${OFFICES:-77}
CASES=${CASES:-100000}
export LC_ALL=C.UTF-8 LANGUAGE=en TZ=UTC
[ -x "$BITIM" ] || { echo "build bitim first (.ci/build), or set BITIM" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "install sqlite3" >&2; exit 1; }
mkdir -p "$WORK"
per=$((CASES / (OFFICES + 2)))
files=""
for i in $(seq "$OFFICES"); do
	code=$(printf 'O%02d' "$i")
	f=$WORK/$code.db
	[ -f "$f" ] || "$BITIM" demo --db "$f" --cases "$per" --office "$code" >/dev/null
	files="$files $f"
done
# Two offices that chose the same code: the same numbers, other cases.
for twin in TWIN-A TWIN-B; do
	f=$WORK/$twin.db
	[ -f "$f" ] || "$BITIM" demo --db "$f" --cases "$per" --office DUP >/dev/null
	files="$files $f"
done
region=$WORK/region.db
rm -f "$region" "$region"-* "$region".before-merge-*
"$BITIM" demo --db "$region" --cases 0 --office REG >/dev/null
total=$((per * (OFFICES + 2)))

# cpu FILE: the user + system time /usr/bin/time wrote there
cpu() { awk '{ printf "%.2f", $1 + $2 }' "$1"; }
load0=$(cut -d' ' -f1 /proc/loadavg)
s=$(date +%s.%N)
/usr/bin/time -f '%U %S' -o "$WORK/first.time" "$BITIM" --db "$region" merge $files >"$WORK/first.log"
t1=$(echo "$(date +%s.%N) - $s" | bc)
grep -q 'conflicts 0' "$WORK/first.log" || { tail -3 "$WORK/first.log" >&2; exit 1; }
n=$(sqlite3 "$region" "SELECT count(*) FROM cases")
dup=$(sqlite3 "$region" "SELECT count(*) FROM (SELECT number FROM cases GROUP BY number HAVING count(*) > 1)")
[ "$n" = "$total" ] || { echo "the region holds $n cases, not $total" >&2; exit 1; }

# A month later: each office changed every 10th open case (in a copy: the
# offices' registers stay as made, so the next run measures the same); the
# region itself edited the same field of 3 of them (true two-sided edits).
changed=0
month=$WORK/month-2
rm -rf "$month"
mkdir -p "$month"
later=""
for f in $files; do
	c=$month/$(basename "$f")
	cp "$f" "$c"
	sqlite3 "$c" "UPDATE cases SET village = 'Month 2' WHERE id % 10 = 0 AND status = 'open'"
	changed=$((changed + $(sqlite3 "$c" "SELECT count(*) FROM cases WHERE id % 10 = 0 AND status = 'open'")))
	later="$later $c"
done
first=$(echo $later | cut -d' ' -f1)
for uuid in $(sqlite3 "$first" "SELECT uuid FROM cases WHERE id % 10 = 0 AND status = 'open' LIMIT 3"); do
	sqlite3 "$region" "UPDATE cases SET village = 'Regional edit' WHERE uuid = '$uuid'"
done
rm -f "$region".before-merge-*
s=$(date +%s.%N)
/usr/bin/time -f '%U %S' -o "$WORK/second.time" "$BITIM" --db "$region" merge $later >"$WORK/second.log"
t2=$(echo "$(date +%s.%N) - $s" | bc)
conflicts=$(sed -n 's/.*conflicts \([0-9]*\)$/\1/p' "$WORK/second.log")
updated=$(sed -n 's/.*updated \([0-9]*\),.*/\1/p' "$WORK/second.log")
printf '%s offices + 2 sharing a code, %s cases (%s numbers held by two offices):\n' "$OFFICES" "$total" "$dup"
printf '  first merge            %7.2f s (cpu %s)\n' "$t1" "$(cpu "$WORK/first.time")"
printf '  next month (%s changed) %7.2f s (cpu %s): updated %s, conflicts %s (3 true two-sided edits)\n' "$changed" "$t2" \
	"$(cpu "$WORK/second.time")" "$updated" "$conflicts"
printf '  load average %s before, %s after\n' "$load0" "$(cut -d' ' -f1 /proc/loadavg)"
rc=0
[ "$conflicts" = 3 ] && [ "$updated" = $((changed - 3)) ] || { echo "wrong counts" >&2; rc=1; }
if [ "$total" -ge 100000 ] && [ "$(echo "$t1 >= 10" | bc)" = 1 ]; then
	echo "  goal: 100,000 cases in under 10 s: MISSED"
	rc=1
fi
exit $rc
