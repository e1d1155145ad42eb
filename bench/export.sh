#!/bin/sh
# Export of the cases table to a file, against the fastest sqlite3 query
# that gives the same rows and columns: the fixed columns, and each other
# field of the forms pivoted from field_values with one GROUP BY (not a
# correlated subquery a column). KZ-1048 against the same query piped
# through iconv -t RK1048. Peak memory (RSS) against sqlite3 -csv.
# usage: export.sh DB N; prints result lines (see summary.py).
set -eu
DB=$1
N=$2
RUNS=${EXPORT_RUNS:-$([ "$N" -ge 1000000 ] && echo 1 || echo 3)}
BITIM=${BITIM:?}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/bitim-bench}
command -v sqlite3 >/dev/null || { echo "install sqlite3" >&2; exit 1; }
out=$WORK/export.csv
ref=$WORK/sqlite3.csv

# timed CMD...: "seconds peak-KiB" of one run (its output to a file).
timed() {
	/usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" >/dev/null
	cat "$WORK/time.txt"
}

# runs CMD...: RUNS runs; prints "median-s max-s peak-KiB".
runs() {
	: >"$WORK/runs.txt"
	for _ in $(seq "$RUNS"); do timed "$@" >>"$WORK/runs.txt"; done
	sort -n "$WORK/runs.txt" | awk '{ t[NR] = $1; if ($2 > m) m = $2 }
		END { printf "%s %s %s\n", t[int((NR + 1) / 2)], t[NR], m }'
}

"$BITIM" --db "$DB" export --table cases -o "$out" >/dev/null
fixed=" uuid number office_code year seq stage status outcome received_on referral_source category regime village language mediator_name contract_on signed_on termination_ground terminated_on followup_result closed_on next_deadline deadline_label created_at updated_at "
cols=""
for c in $(head -1 "$out" | tr -d '\r' | tr ',' ' '); do
	case "$fixed" in
	*" $c "*) cols="$cols, c.$c" ;;
	*) cols="$cols, max(CASE WHEN f.key = '$c' THEN f.value END) AS $c" ;;
	esac
done
pivot="SELECT ${cols#, } FROM cases c LEFT JOIN field_values f ON f.owner = c.uuid GROUP BY c.id ORDER BY c.id"
sqlite3 -csv -header "$DB" "$pivot" >"$ref"
[ "$(wc -l <"$out")" = "$(wc -l <"$ref")" ] || { echo "export.sh: the anchor's rows differ from bitim's" >&2; exit 1; }

set -- $(runs sh -c "exec '$BITIM' --db '$DB' export --table cases -o '$out'")
b_med=$1 b_max=$2 b_kib=$3
set -- $(runs sh -c "sqlite3 -csv -header '$DB' \"$pivot\" > '$ref'")
a_med=$1 a_kib=$3
set -- $(runs sh -c "exec '$BITIM' --db '$DB' export --table cases --encoding kz1048 -o '$out'")
k_med=$1 k_max=$2 k_kib=$3
set -- $(runs sh -c "sqlite3 -csv -header '$DB' \"$pivot\" | iconv -f UTF-8 -t RK1048 > '$ref'")
i_med=$1

ok() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? "ok" : "MISS" }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
printf 'R\texport UTF-8, time (ms)\t%s\t%s\t%s\t%s\t<= 1.00 x anchor\t%s\n' "$N" "$(ms "$b_med")" "$(ms "$b_max")" \
	"$(ms "$a_med")" "$(ok "$b_med" "$a_med")"
printf 'R\texport KZ-1048, time (ms)\t%s\t%s\t%s\t%s\t<= 1.30 x anchor\t%s\n' "$N" "$(ms "$k_med")" "$(ms "$k_max")" \
	"$(ms "$i_med")" "$(ok "$k_med" "$(awk -v a="$i_med" 'BEGIN { print a * 1.3 }')")"
peak=$(( b_kib > k_kib ? b_kib : k_kib ))
printf 'R\texport peak RSS (MiB)\t%s\t%s\t%s\t%s\t<= 8 MiB\t%s\n' "$N" "$(mib "$peak")" "$(mib "$peak")" \
	"$(mib "$a_kib")" "$(ok "$(mib "$peak")" 8)"
