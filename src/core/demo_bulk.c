/* Synthetic cases for scale tests and benchmarks: many plausible cases
 * written with prepared statements, committed in batches so the write-ahead
 * log stays small and memory stays flat however many are asked for. */
#include <config.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bitim/casedata.h"
#include "bitim/demo.h"
#include "bitim/procedure.h"
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
	const struct procedure *p;
	sqlite3_stmt *cases, *party, *obligation, *value, *event, *search;
	bool keys_only; /* the search index is made again after the load */
	char code[16];
	uint64_t uuid_ms;  /* the time of the load, the first 48 bits of its UUIDs */
	uint32_t uuid_seq; /* the UUIDs' order within the load */
	uint64_t uuid_rng; /* their random bits */
	char stamp[48], stamp_ms[48]; /* created_at and the events' time, once for the load */
	int seq_year[200]; /* the last sequence number per year (since 1900) */
	bool seq_loaded[200];
};

static enum bitim_status prepare_all(struct bulk *b)
{
	enum bitim_status st;

	if ((st = store_prepare(b->s, "INSERT INTO cases(uuid, number, office_code, year, seq, stage, status, outcome,"
		" received_on, referral_source, category, regime, village, language, mediator_name, contract_on, signed_on,"
		" termination_ground, terminated_on, closed_on, next_deadline, deadline_label, created_at, updated_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
		" ?23, ?23)",
		&b->cases)) != BITIM_OK)
		return st;
	if ((st = store_prepare(b->s, "INSERT INTO parties(uuid, case_id, position, side, kind, full_name, iin, role)"
		" VALUES (?1, ?2, ?3, ?4, 'person', ?5, ?6, 'party')", &b->party)) != BITIM_OK)
		return st;
	if ((st = store_prepare(b->s, "INSERT INTO obligations(uuid, case_id, position, due_on, status)"
		" VALUES (?1, ?2, 1, ?3, ?4)", &b->obligation)) != BITIM_OK)
		return st;
	if ((st = store_prepare(b->s, "INSERT INTO field_values(owner, case_id, key, value) VALUES (?1, ?2, ?3, ?4)",
		&b->value)) != BITIM_OK)
		return st;
	if ((st = store_prepare(b->s, "INSERT INTO events(case_id, at, kind, entity, owner, field, new)"
		" VALUES (?1, ?4, 'create', 'case', ?2, 'demo', ?3)", &b->event)) != BITIM_OK)
		return st;
	/* During a large load only the keys are written (the search index's
	 * content table); the index is made from them once, at the end. */
	return store_prepare(b->s, b->keys_only ? "INSERT INTO case_search_content(id, c0) VALUES (?1, ?2)"
						: "INSERT INTO case_search(rowid, keys) VALUES (?1, ?2)", &b->search);
}

static void finalize_all(struct bulk *b)
{
	sqlite3_finalize(b->cases);
	sqlite3_finalize(b->party);
	sqlite3_finalize(b->obligation);
	sqlite3_finalize(b->value);
	sqlite3_finalize(b->event);
	sqlite3_finalize(b->search);
}

/* Bind text that stays put until the statement has run (no copy), or NULL. */
static void put(sqlite3_stmt *st, int index, const char *text)
{
	if (text)
		sqlite3_bind_text(st, index, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, index);
}

/* Step a statement whose parameters are all bound afresh for each row. */
static int run(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Read the last number of a year the database has (once a year, before
 * the cases are made). */
static void seq_load(struct bulk *b, int year)
{
	int *slot = &b->seq_year[(year - 1900) % 200];
	sqlite3_stmt *st;

	if (b->seq_loaded[(year - 1900) % 200])
		return;
	b->seq_loaded[(year - 1900) % 200] = true;
	if (store_prepare(b->s, "SELECT COALESCE(MAX(seq), 0) FROM cases WHERE office_code = ?1 AND year = ?2", &st) == BITIM_OK) {
		store_bind_text(st, 1, b->code);
		sqlite3_bind_int(st, 2, year);
		if (sqlite3_step(st) == SQLITE_ROW)
			*slot = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
}

/* The next number of a year (seq_load read where the database is). */
static int next_seq(struct bulk *b, int year)
{
	return ++b->seq_year[(year - 1900) % 200];
}

/* A time-ordered UUID (the layout of version 7: the time in milliseconds,
 * then a counter, then 48 random bits). Random UUIDs land all over the
 * indexes keyed by them, and at a million cases those no longer fit in
 * memory; ordered ones are appended at the end. The random bits come from a
 * generator seeded from the kernel once a load; the time and the counter
 * keep UUIDs apart within one office, the random bits across offices.
 * Written without printf: a million cases need three million. */
static void ordered_uuid(struct bulk *b, char out[UUID_BUF])
{
	static const char hex[] = "0123456789abcdef";
	uint32_t n = b->uuid_seq++;
	uint64_t r;
	unsigned char v[16];
	size_t o = 0;

	b->uuid_rng ^= b->uuid_rng << 13; /* xorshift64 */
	b->uuid_rng ^= b->uuid_rng >> 7;
	b->uuid_rng ^= b->uuid_rng << 17;
	r = b->uuid_rng;
	for (int i = 0; i < 6; i++)
		v[i] = (unsigned char)(b->uuid_ms >> (40 - 8 * i));
	v[6] = (unsigned char)(0x70 | ((n >> 22) & 0x0F));
	v[7] = (unsigned char)(n >> 14);
	v[8] = (unsigned char)(0x80 | ((n >> 8) & 0x3F));
	v[9] = (unsigned char)n;
	for (int i = 10; i < 16; i++)
		v[i] = (unsigned char)(r >> (8 * (i - 10)));
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[v[i] >> 4];
		out[o++] = hex[v[i] & 15];
	}
	out[o] = '\0';
}

/* Seed the UUIDs' random bits from the kernel (through store_uuid). */
static void seed_uuids(struct bulk *b)
{
	char seed[UUID_BUF];

	store_uuid(seed);
	b->uuid_rng = 0x9E3779B97F4A7C15u;
	for (const char *c = seed; *c; c++)
		b->uuid_rng = (b->uuid_rng ^ (unsigned char)*c) * 0x100000001B3u;
	if (!b->uuid_rng)
		b->uuid_rng = 1;
}

static const char *const stages[] = { "intake", "consent", "contract", "sessions", "settlement", "followup",
	"closed", "closed", "terminated" };
/* Days from the request to the last date a case at each stage holds (the
 * offer sent, the agreement on mediation, the settlement signed, the case
 * closed after its obligation fell due, the termination). */
static const int stage_days[] = { 0, 2, 2, 12, 12, 30, 65, 65, 35 };

/* A stage for a case received on r, drawn at random, but never one whose
 * dates would lie after today. */
static int draw_stage(uint32_t *rng, bitim_day r, bitim_day today)
{
	int i = (int)(next_random(rng) % (sizeof stages / sizeof stages[0]));

	while (i > 0 && r + stage_days[i] > today)
		i--;
	return i;
}

/* What one synthetic case holds: drawn once, then written to every table
 * and given to the deadline rules. */
struct draft {
	char uuid[UUID_BUF], number[40], obligation_uuid[UUID_BUF];
	int stage_i, year, seq;
	const char *regime, *ground, *obligation_status;
	char received[DATE_BUF], offer_sent[DATE_BUF], contract[DATE_BUF], term_until[DATE_BUF],
		signed_on[DATE_BUF], due_on[DATE_BUF], ended[DATE_BUF];
	char names[2][128], iins[2][13], party_uuid[2][UUID_BUF];
	const char *referral, *category, *village, *language, *subject;
	char due[DATE_BUF];    /* its next deadline, "" for none */
	const char *label;     /* the deadline's msgid */
	char keys[512];        /* its search keys */
	bool failed;           /* no memory to make it */
};

static int draft_deadline(const struct bulk *b, const struct draft *c, char due[DATE_BUF], const char **label);

/* Draw a case received on day r (the number follows the database's), with
 * its deadline and search keys; false without memory. */
static bool draft_case(struct bulk *b, uint32_t *rng, bitim_day r, bitim_day today, struct search_keys *keys,
		       struct draft *c)
{
	int m, d;
	bool court_term;

	memset(c, 0, sizeof *c);
	date_to_ymd(r, &c->year, &m, &d);
	ordered_uuid(b, c->uuid);
	c->seq = next_seq(b, c->year);
	snprintf(c->number, sizeof c->number, "%s-%04d-%04d", b->code, c->year, c->seq);
	c->stage_i = draw_stage(rng, r, today);
	c->regime = PICK(rng, regimes);
	c->ground = c->stage_i == 8 ? PICK(rng, grounds) : NULL;
	date_format_iso(r, c->received);
	if (c->stage_i == 1)
		date_format_iso(r + 2, c->offer_sent);
	/* Mediation started (the agreement signed) from the sessions on; a
	 * refused offer ends it before. */
	if (c->stage_i >= 3 && !(c->ground && strcmp(c->ground, "offer_rejected") == 0))
		date_format_iso(r + 12, c->contract);
	/* A criminal or administrative-offence case has the term of its proceedings. */
	court_term = strcmp(c->regime, "criminal") == 0 || strcmp(c->regime, "administrative") == 0;
	if (court_term && (c->stage_i == 3 || c->stage_i == 4))
		date_format_iso(r + 90, c->term_until);
	if (c->stage_i >= 5 && c->stage_i <= 7) {
		date_format_iso(r + 30, c->signed_on);
		date_format_iso(r + 60, c->due_on);
		ordered_uuid(b, c->obligation_uuid);
		c->obligation_status = c->stage_i == 5 ? "pending" : "performed";
	}
	if (c->stage_i >= 6)
		date_format_iso(r + stage_days[c->stage_i], c->ended);
	for (int k = 0; k < 2; k++) {
		bool ru = next_random(rng) % 3 == 0;
		snprintf(c->names[k], sizeof c->names[k], "%s %s", ru ? PICK(rng, first_ru) : PICK(rng, first_kk),
			 ru ? PICK(rng, last_ru) : PICK(rng, last_kk));
		demo_iin(1940 + (int)(next_random(rng) % 65), 1 + (int)(next_random(rng) % 12),
			 1 + (int)(next_random(rng) % 28), next_random(rng) % 2, next_random(rng) % 10000, c->iins[k]);
		ordered_uuid(b, c->party_uuid[k]);
	}
	c->referral = PICK(rng, referrals);
	c->category = PICK(rng, categories);
	c->village = PICK(rng, villages);
	c->language = PICK(rng, languages);
	c->subject = PICK(rng, subjects);
	if (draft_deadline(b, c, c->due, &c->label) < 0)
		return false;
	/* The keys store_search_reindex would write, in SEARCH_KEYS_SQL's order. */
	keys->len = 0;
	if (!search_keys_add(keys, c->number) || !search_keys_add(keys, c->names[0]) ||
	    !search_keys_add(keys, c->names[1]) || !search_keys_add(keys, c->iins[0]) ||
	    !search_keys_add(keys, c->iins[1]) || keys->len >= sizeof c->keys)
		return false;
	memcpy(c->keys, keys->buf, keys->len + 1);
	return true;
}

static const char *or_null(const char *text)
{
	return *text ? text : NULL;
}

/* The case's next deadline as the procedure computes it for any case
 * (procedure_next_deadline over the values written): due is "" when
 * there is none. */
static int draft_deadline(const struct bulk *b, const struct draft *c, char due[DATE_BUF], const char **label)
{
	int stage = b->p ? procedure_stage_index(b->p, stages[c->stage_i]) : -1;
	struct case_data *cd;
	bitim_day when;
	int rc = -1;

	due[0] = '\0';
	*label = NULL;
	/* Most stages have no deadline at all: nothing to compute. */
	if (stage < 0 || b->p->stages[stage].ndeadlines == 0)
		return 0;
	if (!(cd = casedata_new()))
		return -1;
	if (casedata_set_identity(cd, 0, c->uuid, c->number, stages[c->stage_i]) < 0 ||
	    casedata_set(cd, ENTITY_CASE, 0, "regime", c->regime) < 0 ||
	    casedata_set(cd, ENTITY_CASE, 0, "offer_sent_on", or_null(c->offer_sent)) < 0 ||
	    casedata_set(cd, ENTITY_CASE, 0, "contract_on", or_null(c->contract)) < 0 ||
	    casedata_set(cd, ENTITY_CASE, 0, "case_term_until", or_null(c->term_until)) < 0 ||
	    casedata_set(cd, ENTITY_CASE, 0, "signed_on", or_null(c->signed_on)) < 0)
		goto out;
	if (c->obligation_status) {
		int row = casedata_add_row(cd, ENTITY_OBLIGATION, c->obligation_uuid);
		if (row < 0 || casedata_set(cd, ENTITY_OBLIGATION, (size_t)row, "due_on", c->due_on) < 0 ||
		    casedata_set(cd, ENTITY_OBLIGATION, (size_t)row, "status", c->obligation_status) < 0)
			goto out;
	}
	if (procedure_next_deadline(b->p, cd, &when, label))
		date_format_iso(when, due);
	rc = 0;
out:
	casedata_free(cd);
	return rc;
}

/* A field value of the case kept by key. */
static int put_value(struct bulk *b, const struct draft *c, int64_t id, const char *key, const char *value)
{
	put(b->value, 1, c->uuid);
	sqlite3_bind_int64(b->value, 2, id);
	put(b->value, 3, key);
	put(b->value, 4, value);
	return run(b->value);
}

/* Write one drafted case: its row, two parties, its obligation, its
 * values, the audit event and the search keys. */
static int write_case(struct bulk *b, const struct draft *c)
{
	int64_t id;

	put(b->cases, 1, c->uuid);
	put(b->cases, 2, c->number);
	put(b->cases, 3, b->code);
	sqlite3_bind_int(b->cases, 4, c->year);
	sqlite3_bind_int(b->cases, 5, c->seq);
	put(b->cases, 6, stages[c->stage_i]);
	put(b->cases, 7, c->stage_i >= 6 ? "closed" : "open");
	put(b->cases, 8, c->ground ? "terminated" : c->signed_on[0] ? "settled" : NULL);
	put(b->cases, 9, c->received);
	put(b->cases, 10, c->referral);
	put(b->cases, 11, c->category);
	put(b->cases, 12, c->regime);
	put(b->cases, 13, c->village);
	put(b->cases, 14, c->language);
	put(b->cases, 15, "Бақыт Омарова");
	put(b->cases, 16, or_null(c->contract));
	put(b->cases, 17, or_null(c->signed_on));
	put(b->cases, 18, c->ground);
	put(b->cases, 19, c->ground ? c->ended : NULL);
	put(b->cases, 20, or_null(c->ended));
	put(b->cases, 21, or_null(c->due));
	put(b->cases, 22, c->label);
	put(b->cases, 23, b->stamp);
	if (run(b->cases) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(b->s->db);
	for (int k = 0; k < 2; k++) {
		put(b->party, 1, c->party_uuid[k]);
		sqlite3_bind_int64(b->party, 2, id);
		sqlite3_bind_int(b->party, 3, k + 1);
		put(b->party, 4, k ? "second" : "first");
		put(b->party, 5, c->names[k]);
		put(b->party, 6, c->iins[k]);
		if (run(b->party) < 0)
			return -1;
	}
	if (c->obligation_status) {
		put(b->obligation, 1, c->obligation_uuid);
		sqlite3_bind_int64(b->obligation, 2, id);
		put(b->obligation, 3, c->due_on);
		put(b->obligation, 4, c->obligation_status);
		if (run(b->obligation) < 0)
			return -1;
	}
	if (put_value(b, c, id, "subject", c->subject) < 0 ||
	    (c->offer_sent[0] && put_value(b, c, id, "offer_sent_on", c->offer_sent) < 0) ||
	    (c->term_until[0] && put_value(b, c, id, "case_term_until", c->term_until) < 0))
		return -1;
	sqlite3_bind_int64(b->event, 1, id);
	put(b->event, 2, c->uuid);
	put(b->event, 3, c->number);
	put(b->event, 4, b->stamp_ms);
	if (run(b->event) < 0)
		return -1;
	sqlite3_bind_int64(b->search, 1, id);
	put(b->search, 2, c->keys);
	return run(b->search);
}

/* What a large load is faster without: the secondary indexes of the tables
 * it fills (kept up row by row; each is built faster once at the end, by a
 * sort, than kept up, even those the load appends to) and the triggers
 * that keep the case counts (each makes every insert keep a statement
 * journal). */
#define BUILT_AFTER " FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL" \
	" AND tbl_name IN ('cases', 'parties', 'obligations', 'field_values', 'events')"

/* The indexes and triggers a large load is faster without, as SQL that
 * makes them again (from sqlite_schema, so no definition is written twice),
 * counts the cases afresh and makes the search index from the keys (the
 * load writes only the keys; a trigram index is built faster in one pass,
 * with 24 MiB of terms gathered before each write, not FTS5's 1 MiB: fewer
 * segments to merge, a third less time at a million cases; the 1 MiB is
 * set again for the writes of every day); NULL when there are none. */
static char *secondary_indexes(struct store *s)
{
	sqlite3_stmt *st;
	char *list = NULL;
	size_t len = 0;
	FILE *mem;

	if (store_prepare(s, "SELECT sql" BUILT_AFTER, &st) != BITIM_OK)
		return NULL;
	if (!(mem = open_memstream(&list, &len))) {
		sqlite3_finalize(st);
		return NULL;
	}
	while (sqlite3_step(st) == SQLITE_ROW)
		fprintf(mem, "%s;\n", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (ftell(mem) > 0)
		fputs("DELETE FROM case_counts;\n"
		      "INSERT INTO case_counts(stage, n) SELECT stage, count(*) FROM cases GROUP BY stage;\n"
		      "INSERT INTO case_search(case_search, rank) VALUES ('hashsize', 25165824);\n"
		      "INSERT INTO case_search(case_search) VALUES ('rebuild');\n"
		      "INSERT INTO case_search(case_search, rank) VALUES ('hashsize', 1048576);\n", mem);
	fclose(mem);
	if (list && !*list) {
		free(list);
		list = NULL;
	}
	return list;
}

/* Drop what a load is faster without, noting its SQL in the
 * settings in the same transaction: a load cut short (killed, power cut)
 * leaves the note, and the next load or rebuild_indexes makes them again. */
static enum bitim_status drop_indexes(struct store *s, const char *sql)
{
	enum bitim_status st = store_begin(s);
	sqlite3_stmt *names;

	if (st == BITIM_OK)
		st = store_setting_set(s, "bulk_load_indexes", sql);
	if (st == BITIM_OK && (st = store_prepare(s, "SELECT type, name" BUILT_AFTER, &names)) == BITIM_OK) {
		char **list = NULL;
		size_t n = 0;
		while (st == BITIM_OK && sqlite3_step(names) == SQLITE_ROW) {
			char **grown = realloc(list, (n + 1) * sizeof *grown);
			if (!grown || !(grown[n] = sqlite3_mprintf("DROP %s \"%w\"", strcmp((const char *)sqlite3_column_text(names, 0), "index") == 0
								  ? "INDEX" : "TRIGGER", sqlite3_column_text(names, 1)))) {
				list = grown ? grown : list;
				st = BITIM_ERR_NOMEM;
				break;
			}
			list = grown;
			n++;
		}
		sqlite3_finalize(names);
		for (size_t i = 0; i < n; i++) {
			if (st == BITIM_OK)
				st = store_exec(s, list[i]);
			sqlite3_free(list[i]);
		}
		free(list);
	}
	return store_end(s, st);
}

/* Make again what an earlier load dropped (one sort an index, in two
 * threads where a second processor is free), count, and index the keys. */
static enum bitim_status rebuild_indexes(struct store *s)
{
	char *sql = NULL;
	enum bitim_status st = store_setting_get(s, "bulk_load_indexes", &sql);

	if (st != BITIM_OK || !sql)
		return st;
	/* Each sorting thread holds up to the page cache's size in memory:
	 * two threads and half the cache keep memory as it was. */
	store_exec(s, "PRAGMA threads = 2; PRAGMA cache_size = -8192");
	if ((st = store_begin(s)) == BITIM_OK) {
		st = store_exec(s, sql);
		if (st == BITIM_OK)
			st = store_setting_set(s, "bulk_load_indexes", NULL);
		st = store_end(s, st);
	}
	store_exec(s, "PRAGMA threads = 0; PRAGMA cache_size = -16384");
	free(sql);
	return st;
}

/* Cases per transaction: large enough that committing costs little, small
 * enough that the write-ahead log (checkpointed after each) stays small. */
#define BATCH 20000
void demo_synthetic_init(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* From this many cases, the indexes are built after the load. */
static size_t bulk_indexes_after = 50000;

void demo_synthetic_tune(size_t indexes_after)
{
	bulk_indexes_after = indexes_after ? indexes_after : 50000;
}

/* Cases drafted ahead of the writing, and who waits for whom: the cases
 * are made (names, dates, UUIDs, deadline, search keys: a fifth of the
 * load's work) in a second thread while SQLite writes the ones before. The
 * 4,096 slots (5.5 MiB) ride out the drafter's waits for a processor on a
 * busy machine; each side wakes the other only when it sleeps. */
#define AHEAD 4096
struct pipe {
	struct bulk *b;
	size_t n;
	bitim_day today;
	uint32_t *rng;
	bool threaded;         /* else each case is drafted when it is written */
	struct search_keys k;  /* the drafter's keys buffer (owned) */
	pthread_mutex_t lock;
	pthread_cond_t moved;  /* a case drafted or taken, or the writing stopped */
	size_t drafted, taken; /* cases so far */
	bool stop;             /* the writing ended early: draft no more */
	bool drafter_waits, writer_waits; /* who sleeps on moved: woken only then */
	struct draft slot[AHEAD];
};

/* The day case i of n is received: the last two years, oldest first. */
static bitim_day received_day(bitim_day today, size_t i, size_t n)
{
	return today - 729 + (bitim_day)((uint64_t)i * 730 / n);
}

static void draft_one(struct pipe *q, size_t i)
{
	struct draft *c = &q->slot[i % AHEAD];
	c->failed = !draft_case(q->b, q->rng, received_day(q->today, i, q->n), q->today, &q->k, c);
}

/* The drafting thread: fill the slots ahead of the writing. */
static void *draft_all(void *arg)
{
	struct pipe *q = arg;

	for (size_t i = 0; i < q->n; i++) {
		bool stop;
		pthread_mutex_lock(&q->lock);
		while (!q->stop && i - q->taken >= AHEAD) {
			q->drafter_waits = true;
			pthread_cond_wait(&q->moved, &q->lock);
		}
		q->drafter_waits = false;
		stop = q->stop;
		pthread_mutex_unlock(&q->lock);
		if (stop)
			break;
		draft_one(q, i); /* the slot is the drafter's until drafted says otherwise */
		pthread_mutex_lock(&q->lock);
		q->drafted = i + 1;
		if (q->writer_waits)
			pthread_cond_broadcast(&q->moved);
		pthread_mutex_unlock(&q->lock);
	}
	return NULL;
}

/* Case i, drafted: waited for, or made here without a drafting thread. */
static const struct draft *next_draft(struct pipe *q, size_t i)
{
	if (!q->threaded) {
		draft_one(q, i);
		return &q->slot[i % AHEAD];
	}
	pthread_mutex_lock(&q->lock);
	while (q->drafted <= i) {
		q->writer_waits = true;
		pthread_cond_wait(&q->moved, &q->lock);
	}
	q->writer_waits = false;
	pthread_mutex_unlock(&q->lock);
	return &q->slot[i % AHEAD];
}

/* Case i is written (its slot free again), or the writing stopped. */
static void done_draft(struct pipe *q, size_t taken, bool stop)
{
	if (!q->threaded)
		return;
	pthread_mutex_lock(&q->lock);
	q->taken = taken;
	q->stop = q->stop || stop;
	/* The drafter is woken when half the slots are free, not for each. */
	if (q->drafter_waits && (stop || q->drafted - taken <= AHEAD / 2))
		pthread_cond_broadcast(&q->moved);
	pthread_mutex_unlock(&q->lock);
}

/* Write the drafted cases in batches. */
static enum bitim_status write_all(struct pipe *q)
{
	struct bulk *b = q->b;
	enum bitim_status st = BITIM_OK;
	size_t done = 0;

	while (done < q->n && st == BITIM_OK) {
		size_t end = done + BATCH < q->n ? done + BATCH : q->n;
		if ((st = store_begin(b->s)) != BITIM_OK)
			break;
		for (; done < end && st == BITIM_OK; done++) {
			const struct draft *c = next_draft(q, done);
			if (c->failed)
				st = BITIM_ERR_NOMEM;
			else if (write_case(b, c) < 0)
				st = store_status(b->s, sqlite3_errcode(b->s->db));
			done_draft(q, done + 1, false);
		}
		st = store_end(b->s, st);
	}
	done_draft(q, done, true); /* nothing more is wanted */
	return st;
}

/* The cases are received over the last two years, oldest first, as a
 * register grows: numbers, dates and ids rise together, so the indexes on
 * them are appended to. */
static enum bitim_status load(struct bulk *b, size_t n, bitim_day today, uint32_t *rng)
{
	struct pipe *q;
	enum bitim_status st;
	pthread_t drafter;
	int first, last, m, d;

	if (n == 0)
		return BITIM_OK;
	if (!(q = calloc(1, sizeof *q)))
		return BITIM_ERR_NOMEM;
	q->b = b;
	q->n = n;
	q->today = today;
	q->rng = rng;
	/* The numbers go on from the database's, read before the drafting. */
	date_to_ymd(received_day(today, 0, n), &first, &m, &d);
	date_to_ymd(received_day(today, n - 1, n), &last, &m, &d);
	for (int y = first; y <= last; y++)
		seq_load(b, y);
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->moved, NULL);
	q->threaded = pthread_create(&drafter, NULL, draft_all, q) == 0;
	st = write_all(q);
	if (q->threaded)
		pthread_join(drafter, NULL);
	pthread_cond_destroy(&q->moved);
	pthread_mutex_destroy(&q->lock);
	free(q->k.buf);
	free(q);
	return st;
}

/* created_at and the events' time, once for the load; the UUIDs' time. */
static void stamp(struct bulk *b)
{
	struct timespec now;
	struct tm tm;
	char secs[24];

	clock_gettime(CLOCK_REALTIME, &now);
	b->uuid_ms = ((uint64_t)now.tv_sec * 1000 + (uint64_t)now.tv_nsec / 1000000) & 0xFFFFFFFFFFFFu;
	gmtime_r(&now.tv_sec, &tm);
	strftime(secs, sizeof secs, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(b->stamp, sizeof b->stamp, "%sZ", secs);
	snprintf(b->stamp_ms, sizeof b->stamp_ms, "%s.%03dZ", secs, (int)(now.tv_nsec / 1000000));
}

enum bitim_status demo_synthetic(struct store *s, const struct procedure *p, size_t n, bitim_day today, bool scratch)
{
	struct bulk b = { .s = s, .p = p };
	uint32_t rng = 2463534242u ^ (uint32_t)n;
	char *code = NULL;
	enum bitim_status st, rebuilt;

	if ((st = store_office_get(s, "code", &code)) != BITIM_OK)
		return st;
	snprintf(b.code, sizeof b.code, "%s", code ? code : "DEM");
	free(code);
	stamp(&b);
	seed_uuids(&b);
	/* A new file that is renamed into place only once complete is written
	 * without a journal and never synced: a load cut short leaves only
	 * that file, never a database. Else synthetic cases may be lost to a
	 * power cut (never corrupted): the log is synced at checkpoints only.
	 * The generator writes only consistent rows: the foreign keys need not
	 * be looked up for each (checked again by bitim check). */
	store_exec(s, scratch ? "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF"
			      : "PRAGMA synchronous = NORMAL");
	store_exec(s, "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -16384");
	/* Many cases load faster with the secondary indexes built once at the
	 * end (a sort each) and the cases counted once. */
	if ((st = rebuild_indexes(s)) == BITIM_OK && (scratch || n >= bulk_indexes_after)) {
		char *indexes = secondary_indexes(s);
		if (indexes && (st = drop_indexes(s, indexes)) == BITIM_OK)
			b.keys_only = true;
		free(indexes);
	}
	if (st == BITIM_OK)
		st = prepare_all(&b);
	if (st == BITIM_OK)
		st = load(&b, n, today, &rng);
	finalize_all(&b);
	rebuilt = rebuild_indexes(s);
	if (st == BITIM_OK)
		st = rebuilt;
	if (scratch)
		store_exec(s, "PRAGMA journal_mode = WAL");
	store_exec(s, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000");
	return st;
}
