#!/bin/sh
# Export of 100,000 cases against sqlite3's own CSV mode, in one run, each
# writing a file. bitim's cases table has a column for every field of the
# forms, so sqlite3 is timed twice: SELECT * FROM cases, and the same rows
# bitim writes (the forms' other fields looked up as bitim does).
# Goal: no slower than sqlite3 in UTF-8, at most 1.3 times with KZ-1048.
. "$(dirname "$0")/common.sh"
command -v sqlite3 >/dev/null || { echo "install sqlite3" >&2; exit 1; }
out=$WORK/export.csv
ref_out=$WORK/sqlite3.csv
utf8=$(best_of 3 "$BITIM" --db "$DB" export --table cases -o "$out")
kz=$(best_of 3 "$BITIM" --db "$DB" export --table cases --encoding kz1048 -o "$WORK/export-kz.csv")
# The same rows: the fixed columns, then each other field by its name.
fixed="uuid number office_code year seq stage status outcome received_on referral_source category regime village language mediator_name contract_on signed_on termination_ground terminated_on followup_result closed_on next_deadline deadline_label created_at updated_at"
cols=""
for c in $(head -1 "$out" | tr -d '\r' | tr ',' ' '); do
	case " $fixed " in
	*" $c "*) cols="$cols, c.$c" ;;
	*) cols="$cols, (SELECT value FROM field_values f WHERE f.owner = c.uuid AND f.key = '$c') AS $c" ;;
	esac
done
same="SELECT ${cols#, } FROM cases c ORDER BY c.id"
star=$(best_of 3 sh -c "sqlite3 -csv -header '$DB' 'SELECT * FROM cases' > '$ref_out'")
rows_ref=$(best_of 3 sh -c "sqlite3 -csv -header '$DB' \"$same\" > '$ref_out'")
rows=$(($(wc -l <"$out") - 1))
printf 'export of %s cases, %s columns, to a file:\n' "$rows" "$(head -1 "$out" | tr ',' '\n' | wc -l)"
printf '  sqlite3 -csv, SELECT * FROM cases (27 columns)  %6.3f s\n' "$star"
printf '  sqlite3 -csv, the same rows as bitim             %6.3f s\n' "$rows_ref"
printf '  bitim export, UTF-8                              %6.3f s  ratio %.2f to the same rows, %.2f to SELECT * (goal <= 1.00)\n' \
	"$utf8" "$(echo "$utf8 / $rows_ref" | bc -l)" "$(echo "$utf8 / $star" | bc -l)"
printf '  bitim export, KZ-1048                            %6.3f s  ratio %.2f to the same rows, %.2f to SELECT * (goal <= 1.30)\n' \
	"$kz" "$(echo "$kz / $rows_ref" | bc -l)" "$(echo "$kz / $star" | bc -l)"
