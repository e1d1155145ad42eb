/* Private to the core: the form fields kept in real columns of the register
 * (searched, reported, printed), one list per table in the order of the
 * export's columns. Everything that names them in C is derived from these
 * lists: the store's column statements (record.c), the export's columns and
 * SELECTs (export.c), the import's INSERTs (merge.c), and the check that
 * refuses a form set lacking one (store_check_forms). The schema that created
 * the columns is a migration (migrate.c) and never changes; report.c's and
 * doc.c's statements read case columns listed here. */
#ifndef BITIM_COLUMNS_H
#define BITIM_COLUMNS_H

#define CASE_COLUMNS(X) \
	X(received_on) X(referral_source) X(category) X(regime) X(village) X(language) \
	X(mediator_name) X(contract_on) X(signed_on) X(termination_ground) X(terminated_on) \
	X(followup_result)
#define PARTY_COLUMNS(X) X(side) X(kind) X(full_name) X(iin) X(bin) X(role)
#define SESSION_COLUMNS(X) X(held_on) X(kind)
#define OBLIGATION_COLUMNS(X) X(due_on) X(status)

/* Helpers to expand a list: its names as strings, its count. */
#define COLUMN_NAME(col) #col,
#define COLUMN_ONE(col) +1
#define COLUMN_COUNT(LIST) (0 LIST(COLUMN_ONE))

#endif
