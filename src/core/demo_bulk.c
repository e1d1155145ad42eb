/* Synthetic cases for scale tests and benchmarks: many plausible cases
 * written with prepared statements in one transaction. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/demo.h"
#include "bitim/search.h"
#include "store_internal.h"

/* A small deterministic generator (xorshift), so runs are reproducible. */
static uint32_t next_random(uint32_t *state)
{
	uint32_t x = *state;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

static const char *pick(uint32_t *rng, const char *const *list, size_t n)
{
	return list[next_random(rng) % n];
}

#define PICK(rng, list) pick(rng, list, sizeof list / sizeof list[0])

static const char *const first_kk[] = { "Қайрат", "Ерлан", "Нұрлан", "Бауыржан", "Дәурен", "Асқар", "Айгүл", "Гүлнар",
	"Әсел", "Жанар", "Динара", "Ғалым", "Ұлан", "Өмірзақ", "Сәуле", "Іңкәр" };
static const char *const last_kk[] = { "Сейітов", "Мұқанов", "Әбенов", "Қасымов", "Жұмабаев", "Төлеуов", "Нұрланқызы",
	"Серікқызы", "Оспанова", "Ғалымқызы", "Үсенов", "Қожахметов" };
static const char *const first_ru[] = { "Иван", "Мария", "Сергей", "Ольга", "Виктор", "Елена", "Андрей", "Наталья" };
static const char *const last_ru[] = { "Петров", "Иванова", "Ким", "Пак", "Шевченко", "Цой", "Смирнов", "Ли" };
static const char *const villages[] = { "Көктал", "Жаркент", "Талдықорған", "Үшарал", "Қаратал", "Сарқан", "Текелі",
	"Есік", "Қапшағай", "Талғар" };
static const char *const categories[] = { "family", "neighbours", "land", "property", "debt", "labour", "consumer",
	"inheritance", "community", "criminal", "administrative", "other" };
static const char *const referrals[] = { "self", "court", "police", "prosecutor", "akimat", "other" };
static const char *const regimes[] = { "out_of_court", "out_of_court", "out_of_court", "civil_court", "criminal",
	"administrative", "enforcement" };
static const char *const languages[] = { "kk", "kk", "ru", "ru", "kk_ru", "en" };
static const char *const grounds[] = { "offer_rejected", "no_settlement", "parties_refused", "party_refused", "term_expired" };
static const char *const subjects[] = { "Дуал мен суару суы", "Баламен кездесу тәртібі", "Задолженность по зарплате",
	"Возврат займа", "Жайылымды пайдалану", "Раздел наследства", "A faulty appliance", "Ортақ қора" };

/* The statements the generator runs for every case. */
struct bulk {
	struct store *s;
	sqlite3_stmt *cases, *party, *value, *event, *search;
	char code[16];
	int seq_year[200]; /* the last sequence number per year (since 1900) */
};

static enum bitim_status prepare_all(struct bulk *b)
{
	enum bitim_status st;

	if ((st = store_prepare(b->s, "INSERT INTO cases(uuid, number, office_code, year, seq, stage, status, outcome,"
		" received_on, referral_source, category, regime, village, language, mediator_name, contract_on, signed_on,"
		" termination_ground, terminated_on, closed_on, next_deadline, deadline_label)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
		&b->cases)) != BITIM_OK)
		return st;
	if ((st = store_prepare(b->s, "INSERT INTO parties(uuid, case_id, position, side, kind, full_name, iin, role)"
		" VALUES (?1, ?2, ?3, ?4, 'person', ?5, ?6, 'party')", &b->party)) != BITIM_OK)
		return st;
	if ((st = store_prepare(b->s, "INSERT INTO field_values(owner, case_id, key, value) VALUES (?1, ?2, ?3, ?4)",
		&b->value)) != BITIM_OK)
		return st;
	if ((st = store_prepare(b->s, "INSERT INTO events(case_id, kind, entity, owner, field, new)"
		" VALUES (?1, 'create', 'case', ?2, 'demo', ?3)", &b->event)) != BITIM_OK)
		return st;
	return store_prepare(b->s, "INSERT INTO case_search(rowid, keys) VALUES (?1, ?2)", &b->search);
}

static void finalize_all(struct bulk *b)
{
	sqlite3_finalize(b->cases);
	sqlite3_finalize(b->party);
	sqlite3_finalize(b->value);
	sqlite3_finalize(b->event);
	sqlite3_finalize(b->search);
}

static int run(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The next number of a year, continuing what the database has. */
static int next_seq(struct bulk *b, int year)
{
	int *slot = &b->seq_year[(year - 1900) % 200];
	if (*slot == 0) {
		sqlite3_stmt *st;
		if (store_prepare(b->s, "SELECT COALESCE(MAX(seq), 0) FROM cases WHERE office_code = ?1 AND year = ?2", &st) == BITIM_OK) {
			store_bind_text(st, 1, b->code);
			sqlite3_bind_int(st, 2, year);
			if (sqlite3_step(st) == SQLITE_ROW)
				*slot = sqlite3_column_int(st, 0);
			sqlite3_finalize(st);
		}
	}
	return ++*slot;
}

static void iso(bitim_day d, char out[DATE_BUF])
{
	date_format_iso(d, out);
}

/* One synthetic case with two parties. */
static int one_case(struct bulk *b, const struct procedure *p, uint32_t *rng, bitim_day today)
{
	static const char *const stages[] = { "intake", "consent", "contract", "sessions", "settlement", "followup",
		"closed", "closed", "terminated" };
	char uuid[UUID_BUF], number[40], received[DATE_BUF], contract[DATE_BUF], signed_on[DATE_BUF],
		ended[DATE_BUF], due[DATE_BUF], names[2][128], iins[2][13], keys[512];
	bitim_day r = today - (bitim_day)(next_random(rng) % 730);
	int y, m, d, seq, stage_i = (int)(next_random(rng) % (sizeof stages / sizeof stages[0]));
	const char *stage = stages[stage_i];
	bool past_contract = stage_i >= 3, signed_case = stage_i >= 5 && stage_i <= 7, terminated = stage_i == 8;
	const char *label = NULL;
	int64_t id;

	(void)p;
	date_to_ymd(r, &y, &m, &d);
	store_uuid(uuid);
	seq = next_seq(b, y);
	snprintf(number, sizeof number, "%s-%04d-%04d", b->code, y, seq);
	iso(r, received);
	iso(r + 12, contract);
	iso(r + 30, signed_on);
	iso(r + 35, ended);
	due[0] = '\0';
	if (strcmp(stage, "consent") == 0) {
		iso(r + 12, due);
		label = "Answer to the offer";
	} else if (past_contract && !signed_case && !terminated) {
		iso(r + 42, due);
		label = "End of the mediation term";
	} else if (strcmp(stage, "followup") == 0) {
		iso(r + 60, due);
		label = "Obligation due";
	}
	store_bind_text(b->cases, 1, uuid);
	store_bind_text(b->cases, 2, number);
	store_bind_text(b->cases, 3, b->code);
	sqlite3_bind_int(b->cases, 4, y);
	sqlite3_bind_int(b->cases, 5, seq);
	store_bind_text(b->cases, 6, stage);
	store_bind_text(b->cases, 7, stage_i >= 6 ? "closed" : "open");
	store_bind_text(b->cases, 8, terminated ? "terminated" : signed_case ? "settled" : NULL);
	store_bind_text(b->cases, 9, received);
	store_bind_text(b->cases, 10, PICK(rng, referrals));
	store_bind_text(b->cases, 11, PICK(rng, categories));
	store_bind_text(b->cases, 12, PICK(rng, regimes));
	store_bind_text(b->cases, 13, PICK(rng, villages));
	store_bind_text(b->cases, 14, PICK(rng, languages));
	store_bind_text(b->cases, 15, "Бақыт Омарова");
	store_bind_text(b->cases, 16, past_contract ? contract : NULL);
	store_bind_text(b->cases, 17, signed_case ? signed_on : NULL);
	store_bind_text(b->cases, 18, terminated ? PICK(rng, grounds) : NULL);
	store_bind_text(b->cases, 19, terminated ? ended : NULL);
	store_bind_text(b->cases, 20, stage_i >= 6 ? ended : NULL);
	store_bind_text(b->cases, 21, due[0] ? due : NULL);
	store_bind_text(b->cases, 22, label);
	if (run(b->cases) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(b->s->db);
	for (int k = 0; k < 2; k++) {
		bool ru = next_random(rng) % 3 == 0;
		char party_uuid[UUID_BUF];
		snprintf(names[k], sizeof names[k], "%s %s", ru ? PICK(rng, first_ru) : PICK(rng, first_kk),
			 ru ? PICK(rng, last_ru) : PICK(rng, last_kk));
		demo_iin(1940 + (int)(next_random(rng) % 65), 1 + (int)(next_random(rng) % 12), 1 + (int)(next_random(rng) % 28),
			 next_random(rng) % 2, next_random(rng) % 10000, iins[k]);
		store_uuid(party_uuid);
		store_bind_text(b->party, 1, party_uuid);
		sqlite3_bind_int64(b->party, 2, id);
		sqlite3_bind_int(b->party, 3, k + 1);
		store_bind_text(b->party, 4, k ? "second" : "first");
		store_bind_text(b->party, 5, names[k]);
		store_bind_text(b->party, 6, iins[k]);
		if (run(b->party) < 0)
			return -1;
	}
	store_bind_text(b->value, 1, uuid);
	sqlite3_bind_int64(b->value, 2, id);
	store_bind_text(b->value, 3, "subject");
	store_bind_text(b->value, 4, PICK(rng, subjects));
	sqlite3_bind_int64(b->event, 1, id);
	store_bind_text(b->event, 2, uuid);
	store_bind_text(b->event, 3, number);
	if (run(b->value) < 0 || run(b->event) < 0)
		return -1;
	/* The same keys store_search_reindex would write. */
	char *f0 = search_fold(number), *f1 = search_fold(names[0]), *f2 = search_fold(names[1]);
	snprintf(keys, sizeof keys, "%s | %s | %s | %s | %s | ", f0 ? f0 : "", f1 ? f1 : "", f2 ? f2 : "", iins[0], iins[1]);
	free(f0);
	free(f1);
	free(f2);
	sqlite3_bind_int64(b->search, 1, id);
	store_bind_text(b->search, 2, keys);
	return run(b->search);
}

/* The secondary indexes of the tables the load fills, as their own SQL
 * (from sqlite_schema, so no definition is written twice). */
static char **secondary_indexes(struct store *s, size_t *count)
{
	sqlite3_stmt *st;
	char **list = NULL;

	*count = 0;
	if (store_prepare(s, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
			     " AND tbl_name IN ('cases', 'parties', 'field_values', 'events')", &st) != BITIM_OK)
		return NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char **grown = realloc(list, (*count + 2) * sizeof *grown);
		if (!grown)
			break;
		list = grown;
		list[(*count)++] = store_column_dup(st, 0);
		list[(*count)++] = store_column_dup(st, 1);
	}
	sqlite3_finalize(st);
	return list;
}

/* Drop (or, with create, make again) the indexes listed by secondary_indexes.
 * The names come from sqlite_schema and are quoted as identifiers. */
static enum bitim_status each_index(struct store *s, char **list, size_t count, bool create)
{
	enum bitim_status st = BITIM_OK;

	for (size_t i = 0; i + 1 < count && st == BITIM_OK; i += 2) {
		if (create) {
			st = store_exec(s, list[i + 1]);
		} else {
			char *sql = sqlite3_mprintf("DROP INDEX \"%w\"", list[i]);
			st = sql ? store_exec(s, sql) : BITIM_ERR_NOMEM;
			sqlite3_free(sql);
		}
	}
	return st;
}

enum bitim_status demo_synthetic(struct store *s, const struct procedure *p, size_t n, bitim_day today)
{
	struct bulk b = { .s = s };
	uint32_t rng = 2463534242u ^ (uint32_t)n;
	char *code = NULL;
	enum bitim_status st;

	if ((st = store_office_get(s, "code", &code)) != BITIM_OK)
		return st;
	snprintf(b.code, sizeof b.code, "%s", code ? code : "DEM");
	free(code);
	/* Random UUIDs land all over their indexes: a larger page cache for the
	 * length of the load saves most of the reading and writing. */
	store_exec(s, "PRAGMA cache_size = -131072");
	if ((st = store_begin(s)) != BITIM_OK)
		return st;
	/* A large load is faster with the secondary indexes built once at the end
	 * (a sort) than kept up row by row; all within the one transaction. */
	size_t nindexes = 0;
	char **indexes = n >= 10000 ? secondary_indexes(s, &nindexes) : NULL;
	if (indexes)
		st = each_index(s, indexes, nindexes, false);
	if (st == BITIM_OK && (st = prepare_all(&b)) == BITIM_OK)
		for (size_t i = 0; i < n; i++)
			if (one_case(&b, p, &rng, today) < 0) {
				st = store_status(s, sqlite3_errcode(s->db));
				break;
			}
	finalize_all(&b);
	if (indexes && st == BITIM_OK)
		st = each_index(s, indexes, nindexes, true);
	for (size_t i = 0; i < nindexes; i++)
		free(indexes[i]);
	free(indexes);
	st = store_end(s, st);
	store_exec(s, "PRAGMA cache_size = -2000");
	return st;
}
