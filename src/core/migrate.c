/* Schema migrations, numbered by PRAGMA user_version. Each runs in its own
 * transaction and ends by setting the version it brings the schema to; a
 * released migration is never edited, only followed by a new one. */
#include <config.h>
#include "store_internal.h"

static const char *const migrations[STORE_SCHEMA_VERSION] = {
	/* 1: the first schema. The application id 0x42544D31 ('BTM1') marks a bitim database. */
	"PRAGMA application_id = 1112821041;"
	"CREATE TABLE office ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  code TEXT NOT NULL DEFAULT 'BTM',"
	"  name TEXT, region TEXT, district TEXT, village TEXT);"
	"CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE mediators ("
	"  id INTEGER PRIMARY KEY,"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  full_name TEXT NOT NULL,"
	"  kind TEXT NOT NULL DEFAULT 'public' CHECK (kind IN ('public', 'professional', 'judge')),"
	"  iin TEXT, phone TEXT, organisation TEXT,"
	"  active INTEGER NOT NULL DEFAULT 1);"
	"CREATE TABLE cases ("
	"  id INTEGER PRIMARY KEY,"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  number TEXT NOT NULL UNIQUE,"
	"  office_code TEXT NOT NULL,"
	"  year INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  stage TEXT NOT NULL,"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),"
	"  outcome TEXT,"
	"  received_on TEXT, referral_source TEXT, category TEXT, regime TEXT, village TEXT,"
	"  language TEXT, mediator_name TEXT, contract_on TEXT, signed_on TEXT,"
	"  termination_ground TEXT, terminated_on TEXT, followup_result TEXT, closed_on TEXT,"
	"  next_deadline TEXT, deadline_label TEXT,"
	"  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  UNIQUE (office_code, year, seq));"
	"CREATE INDEX cases_stage ON cases(stage);"
	"CREATE INDEX cases_category ON cases(category);"
	"CREATE INDEX cases_received_on ON cases(received_on);"
	"CREATE INDEX cases_urgency ON cases(status = 'closed', next_deadline IS NULL, next_deadline, id DESC);"
	"CREATE TABLE parties ("
	"  id INTEGER PRIMARY KEY,"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  deleted INTEGER NOT NULL DEFAULT 0,"
	"  side TEXT, kind TEXT, full_name TEXT, iin TEXT, bin TEXT, role TEXT);"
	"CREATE INDEX parties_case ON parties(case_id, position);"
	"CREATE INDEX parties_iin ON parties(iin) WHERE iin IS NOT NULL;"
	"CREATE INDEX parties_bin ON parties(bin) WHERE bin IS NOT NULL;"
	"CREATE TABLE sessions ("
	"  id INTEGER PRIMARY KEY,"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  deleted INTEGER NOT NULL DEFAULT 0,"
	"  held_on TEXT, kind TEXT);"
	"CREATE INDEX sessions_case ON sessions(case_id, position);"
	"CREATE TABLE obligations ("
	"  id INTEGER PRIMARY KEY,"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  deleted INTEGER NOT NULL DEFAULT 0,"
	"  due_on TEXT, status TEXT);"
	"CREATE INDEX obligations_case ON obligations(case_id, position);"
	"CREATE INDEX obligations_due ON obligations(due_on) WHERE deleted = 0;"
	/* Values of form-defined fields that are not columns, by owner (case or row UUID). */
	"CREATE TABLE field_values ("
	"  owner TEXT NOT NULL,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	"  key TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  PRIMARY KEY (owner, key)) WITHOUT ROWID;"
	"CREATE INDEX field_values_case ON field_values(case_id);"
	"CREATE TABLE documents ("
	"  id INTEGER PRIMARY KEY,"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL, language TEXT NOT NULL, format TEXT NOT NULL,"
	"  body TEXT NOT NULL, sha256 TEXT,"
	"  signed_on TEXT, signed_by TEXT,"
	"  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
	"CREATE INDEX documents_case ON documents(case_id);"
	/* The audit trail and the undo history: append-only. */
	"CREATE TABLE events ("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	"  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
	"  kind TEXT NOT NULL CHECK (kind IN ('create', 'set', 'add', 'remove', 'stage', 'undo')),"
	"  entity TEXT, owner TEXT, field TEXT, old TEXT, new TEXT,"
	"  undone_by INTEGER REFERENCES events(id));"
	"CREATE INDEX events_case ON events(case_id, id);"
	"CREATE VIRTUAL TABLE case_search USING fts5(keys, tokenize = 'trigram');"
	"CREATE VIEW outcomes AS"
	"  SELECT uuid AS case_uuid, number, outcome, termination_ground, terminated_on,"
	"         signed_on, followup_result, closed_on"
	"  FROM cases WHERE outcome IS NOT NULL;"
	"PRAGMA user_version = 1;",
	/* 2: records that came in from another office's register with the same
	 * UUID but different content, kept for the user to resolve. */
	"CREATE TABLE conflicts ("
	"  id INTEGER PRIMARY KEY,"
	"  table_name TEXT NOT NULL,"
	"  uuid TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  incoming TEXT NOT NULL,"
	"  existing TEXT NOT NULL,"
	"  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
	"CREATE INDEX conflicts_uuid ON conflicts(uuid);"
	"PRAGMA user_version = 2;",
	/* 3: a resolved conflict stays as the record of the decision. */
	"ALTER TABLE conflicts ADD COLUMN resolution TEXT CHECK (resolution IN ('kept', 'taken'));"
	"ALTER TABLE conflicts ADD COLUMN resolved_at TEXT;"
	"PRAGMA user_version = 3;",
	/* 4: the number of cases at each stage, kept by triggers, so that the
	 * case list shows how many there are without counting a million rows;
	 * and the list's order within a stage as an index, so a stage filter
	 * pages through that index alone. */
	"CREATE TABLE case_counts (stage TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;"
	"INSERT INTO case_counts(stage, n) SELECT stage, count(*) FROM cases GROUP BY stage;"
	"CREATE TRIGGER case_counts_insert AFTER INSERT ON cases BEGIN"
	"  INSERT INTO case_counts(stage, n) VALUES (new.stage, 1) ON CONFLICT(stage) DO UPDATE SET n = n + 1;"
	" END;"
	"CREATE TRIGGER case_counts_delete AFTER DELETE ON cases BEGIN"
	"  UPDATE case_counts SET n = n - 1 WHERE stage = old.stage;"
	" END;"
	"CREATE TRIGGER case_counts_stage AFTER UPDATE OF stage ON cases WHEN old.stage IS NOT new.stage BEGIN"
	"  UPDATE case_counts SET n = n - 1 WHERE stage = old.stage;"
	"  INSERT INTO case_counts(stage, n) VALUES (new.stage, 1) ON CONFLICT(stage) DO UPDATE SET n = n + 1;"
	" END;"
	"DROP INDEX cases_stage;"
	"CREATE INDEX cases_stage_urgency ON cases(stage, status = 'closed', next_deadline IS NULL, next_deadline, id DESC);"
	"PRAGMA user_version = 4;",
	/* 5: registers that merge. A case is the same case by its UUID; its
	 * number is unique only within the office that gave it, so two offices'
	 * KRG-2026-0001 live side by side. The office code is unset until the
	 * user sets one. rev was meant to count a case's changes; a stale
	 * write is refused more precisely, by the field's value the writer
	 * started from (case_set_field_from), so rev stays 0 and nothing
	 * reads it. merge_base keeps, per record,
	 * what another register last sent: the base of the three-way merge.
	 * Rebuilt with foreign keys off (store_migrate), ids kept; the case
	 * counts stay as they were, and their triggers (dropped with the old
	 * table) are made again. */
	"DROP VIEW outcomes;"
	"CREATE TABLE cases_v5 ("
	"  id INTEGER PRIMARY KEY,"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  number TEXT NOT NULL,"
	"  office_code TEXT NOT NULL,"
	"  year INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  stage TEXT NOT NULL,"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),"
	"  outcome TEXT,"
	"  received_on TEXT, referral_source TEXT, category TEXT, regime TEXT, village TEXT,"
	"  language TEXT, mediator_name TEXT, contract_on TEXT, signed_on TEXT,"
	"  termination_ground TEXT, terminated_on TEXT, followup_result TEXT, closed_on TEXT,"
	"  next_deadline TEXT, deadline_label TEXT,"
	"  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  rev INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO cases_v5 SELECT *, 0 FROM cases;"
	"DROP TABLE cases;"
	"ALTER TABLE cases_v5 RENAME TO cases;"
	"CREATE INDEX cases_number ON cases(number COLLATE NOCASE);"
	"CREATE INDEX cases_office_seq ON cases(office_code, year, seq);"
	"CREATE INDEX cases_stage_urgency ON cases(stage, status = 'closed', next_deadline IS NULL, next_deadline, id DESC);"
	"CREATE INDEX cases_category ON cases(category);"
	"CREATE INDEX cases_received_on ON cases(received_on);"
	"CREATE INDEX cases_urgency ON cases(status = 'closed', next_deadline IS NULL, next_deadline, id DESC);"
	"CREATE TRIGGER case_counts_insert AFTER INSERT ON cases BEGIN"
	"  INSERT INTO case_counts(stage, n) VALUES (new.stage, 1) ON CONFLICT(stage) DO UPDATE SET n = n + 1;"
	" END;"
	"CREATE TRIGGER case_counts_delete AFTER DELETE ON cases BEGIN"
	"  UPDATE case_counts SET n = n - 1 WHERE stage = old.stage;"
	" END;"
	"CREATE TRIGGER case_counts_stage AFTER UPDATE OF stage ON cases WHEN old.stage IS NOT new.stage BEGIN"
	"  UPDATE case_counts SET n = n - 1 WHERE stage = old.stage;"
	"  INSERT INTO case_counts(stage, n) VALUES (new.stage, 1) ON CONFLICT(stage) DO UPDATE SET n = n + 1;"
	" END;"
	"CREATE VIEW outcomes AS"
	"  SELECT uuid AS case_uuid, number, outcome, termination_ground, terminated_on,"
	"         signed_on, followup_result, closed_on"
	"  FROM cases WHERE outcome IS NOT NULL;"
	"CREATE TABLE office_v5 ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  code TEXT,"
	"  name TEXT, region TEXT, district TEXT, village TEXT);"
	"INSERT INTO office_v5 SELECT * FROM office;"
	"DROP TABLE office;"
	"ALTER TABLE office_v5 RENAME TO office;"
	/* The registers merged from, by their office's UUID; and per record a
	 * fingerprint of each non-empty value they last sent (merge.c). */
	"CREATE TABLE merge_origin (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE);"
	"CREATE TABLE merge_base ("
	"  origin INTEGER NOT NULL REFERENCES merge_origin(id),"
	"  uuid TEXT NOT NULL,"
	"  row BLOB NOT NULL,"
	"  PRIMARY KEY (origin, uuid));"
	/* Cases whose search keys a merge still has to rebuild: done once per
	 * case at its end, and by the next one if it was killed first. */
	"CREATE TABLE search_pending (id INTEGER PRIMARY KEY);"
	"PRAGMA user_version = 5;",
	/* 6: the base keyed by this database's row (table 0 cases .. 3
	 * obligations, id), which a merge writes in the order it adds the rows,
	 * its row beginning with the record's UUID's fingerprint so that a reused
	 * id is never taken for another record. The bases of schema 5 (keyed by
	 * UUID, kept for some days only while it was current) are dropped: the
	 * next merge of an office then compares as a first one. */
	"DROP TABLE merge_base;"
	"CREATE TABLE merge_base ("
	"  origin INTEGER NOT NULL REFERENCES merge_origin(id),"
	"  tab INTEGER NOT NULL,"
	"  id INTEGER NOT NULL,"
	"  row BLOB NOT NULL,"
	"  PRIMARY KEY (origin, tab, id)) WITHOUT ROWID;"
	"PRAGMA user_version = 6;",
	/* 7: the search index without positions (detail=none) and without the
	 * keys' sizes (columnsize=0): a search is a substring, asked with GLOB,
	 * which needs only which cases hold each trigram; the candidates are
	 * then checked against the keys themselves. A third of the size and
	 * half the cost of writing. The keys are kept as they were (the index's
	 * content table: case_search_content, column c0), the index made again
	 * from them. */
	"CREATE TEMP TABLE search_keys_v7 AS SELECT id, c0 FROM case_search_content;"
	"DROP TABLE case_search;"
	"CREATE VIRTUAL TABLE case_search USING fts5(keys, tokenize = 'trigram', detail = none, columnsize = 0);"
	"INSERT INTO case_search(rowid, keys) SELECT id, c0 FROM temp.search_keys_v7 ORDER BY id;"
	"DROP TABLE temp.search_keys_v7;"
	"PRAGMA user_version = 7;",
};

/* Migrations that rebuild a table run with foreign keys off: dropping the
 * old table must not cascade to its children (the pragma is a no-op inside
 * a transaction, so it is set around them). */
static enum bitim_status migrate_all(struct store *s);

enum bitim_status store_migrate(struct store *s)
{
	enum bitim_status st;

	store_exec(s, "PRAGMA foreign_keys = OFF");
	st = migrate_all(s);
	store_exec(s, "PRAGMA foreign_keys = ON");
	return st;
}

static enum bitim_status migrate_all(struct store *s)
{
	for (;;) {
		enum bitim_status st;
		int64_t v = 0;

		if ((st = store_exec(s, "BEGIN IMMEDIATE")) != BITIM_OK)
			return st;
		/* The version is read again under the write lock: another bitim
		 * opening the same file at the same moment may have migrated it. */
		if ((st = store_query_int(s, "PRAGMA user_version", &v)) == BITIM_OK && v < 0)
			st = BITIM_ERR_CORRUPT; /* no bitim writes such a version */
		if (st != BITIM_OK || v >= STORE_SCHEMA_VERSION) {
			store_exec(s, st == BITIM_OK ? "COMMIT" : "ROLLBACK");
			return st;
		}
		if ((st = store_exec(s, migrations[v])) != BITIM_OK) {
			store_exec(s, "ROLLBACK");
			return st;
		}
		if ((st = store_exec(s, "COMMIT")) != BITIM_OK)
			return st;
	}
}
