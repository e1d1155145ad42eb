/* The case list's pages and counts at any size of register: each costs what
 * is shown, not how many cases exist.
 *
 * The list's order (open before closed, nearest deadline first, newest
 * first without one) is the cases_urgency index, and cases_stage_urgency
 * within a stage. A page is found from a case on the screen by its place in
 * that order (keyset paging), never by skipping rows. A search picks the way
 * its answer is cheapest:
 *   - a 12-digit IIN/BIN or the beginning of a case number: the parties' or
 *     the numbers' index gives the few cases;
 *   - three letters or more that few cases hold (the FTS trigram index):
 *     those cases;
 *     either set is read once, sorted by urgency and kept until the text,
 *     the filter or the register changes, so paging through it is free;
 *   - three letters or more that many cases hold: the order's index is
 *     walked and each case's search keys tested; many match, so a screenful
 *     is near;
 *   - one or two letters: the walk again, but it looks at a bounded number
 *     of cases per page and says so when it stopped short. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/search.h"
#include "bitim/utf8.h"
#include "store_internal.h"

#define SET_MAX 4000
#define SHORT_BUDGET 2000

/* Up to this many matches a search is answered by sorting them. */
static size_t set_max = SET_MAX;
/* Cases a one- or two-letter search looks at for one page. */
static size_t short_budget = SHORT_BUDGET;
/* Moves with every tuning, so that no search kept from before is reused. */
static int64_t tuning;

void store_search_tune(size_t few, size_t budget)
{
	set_max = few ? few : SET_MAX;
	short_budget = budget ? budget : SHORT_BUDGET;
	tuning++;
}

/* How a query is answered. */
enum way {
	WAY_ALL,    /* no text: the order's index, with the stage filter */
	WAY_SET,    /* a small set of cases, sorted */
	WAY_WALK,   /* the order's index, each case's keys tested */
	WAY_SHORT,  /* the same, within short_budget cases per page */
	WAY_NONE,   /* nothing can match */
};

/* A case's place in the order: (closed, without deadline, deadline, id). */
struct place {
	int closed, open_ended;
	char deadline[16]; /* "" when open_ended */
	int64_t id;
};

/* A query made ready, kept in the store for the next page of the same query. */
struct case_plan {
	char *text, *stage, *category; /* the query, owned */
	int64_t version;               /* the register's state it was made for */
	enum way way;
	char *folded;                  /* the search key, owned */
	char *pattern;                 /* the GLOB pattern of the trigram index, owned */
	char number_lo[64], number_hi[68]; /* a case-number prefix range */
	struct place *set;             /* WAY_SET: the matching cases in order, owned */
	size_t nset;
};

#define SET_FTS "SELECT rowid FROM case_search WHERE keys GLOB ?3 LIMIT ?13"
#define SET_ID "SELECT case_id FROM parties WHERE iin = ?10 AND deleted = 0" \
	" UNION SELECT case_id FROM parties WHERE bin = ?10 AND deleted = 0 LIMIT ?13"
#define SET_NUMBER "SELECT id FROM cases WHERE number >= ?11 COLLATE NOCASE AND number < ?12 COLLATE NOCASE LIMIT ?13"

static void plan_free(struct case_plan *p)
{
	if (!p)
		return;
	free(p->text);
	free(p->stage);
	free(p->category);
	free(p->folded);
	free(p->pattern);
	free(p->set);
	free(p);
}

void store_case_plan_free(struct store *s)
{
	plan_free(s->list_plan);
	s->list_plan = NULL;
}

static bool all_digits(const char *t, size_t n)
{
	if (strlen(t) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (t[i] < '0' || t[i] > '9')
			return false;
	return true;
}

/* The typed text as the start of a case number (ASCII letters in capitals,
 * spaces trimmed), and the end of its range; false if it cannot be one. */
static bool number_range(const char *text, struct case_plan *p)
{
	size_t n = 0;
	bool digit = false;

	while (*text == ' ')
		text++;
	for (; *text && n + 1 < sizeof p->number_lo; text++) {
		unsigned char c = (unsigned char)*text;
		if (c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		digit = digit || (c >= '0' && c <= '9');
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
			break;
		p->number_lo[n++] = (char)c;
	}
	while (*text == ' ')
		text++;
	p->number_lo[n] = '\0';
	if (*text || !digit || n < 3 || !(p->number_lo[0] >= 'A' && p->number_lo[0] <= 'Z'))
		return false;
	snprintf(p->number_hi, sizeof p->number_hi, "%s\x7F", p->number_lo);
	return true;
}

/* The plan's parameters, as every statement here numbers them. */
static void bind_plan(sqlite3_stmt *st, const struct case_plan *p, sqlite3_int64 set_limit)
{
	store_bind_text(st, 1, p->stage);
	store_bind_text(st, 2, p->category);
	store_bind_text(st, 3, p->pattern);
	store_bind_text(st, 10, p->folded);
	store_bind_text(st, 11, p->number_lo);
	store_bind_text(st, 12, p->number_hi);
	sqlite3_bind_int64(st, 13, set_limit);
}

/* The ids a candidate set gives, up to set_max + 1 (more means many):
 * the set's query runs once, its ids kept for set_read. */
static enum bitim_status set_ids(struct store *s, const struct case_plan *p, const char *set, int64_t **ids, size_t *n)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	int rc;

	*n = 0;
	free(*ids);
	if (!(*ids = malloc((set_max + 1) * sizeof **ids)))
		return BITIM_ERR_NOMEM;
	if ((status = store_prepare(s, set, &st)) != BITIM_OK)
		return status;
	bind_plan(st, p, (sqlite3_int64)set_max + 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n <= set_max)
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return store_status(s, rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc);
}

static int place_cmp(const void *x, const void *y)
{
	const struct place *a = x, *b = y;
	int c;

	if (a->closed != b->closed)
		return a->closed - b->closed;
	if (a->open_ended != b->open_ended)
		return a->open_ended - b->open_ended;
	if ((c = strcmp(a->deadline, b->deadline)) != 0)
		return c;
	return a->id > b->id ? -1 : a->id < b->id; /* newest first */
}

/* The set's cases at the stage and category, sorted by urgency. */
static enum bitim_status set_read(struct store *s, struct case_plan *p, const int64_t *ids, size_t n)
{
	sqlite3_stmt *st;
	char sql[160];
	enum bitim_status status;
	int rc = SQLITE_OK;

	snprintf(sql, sizeof sql, "SELECT status = 'closed', next_deadline FROM cases WHERE id = ?4%s%s",
		 p->stage ? " AND stage = ?1" : "", p->category ? " AND category = ?2" : "");
	if ((status = store_prepare(s, sql, &st)) != BITIM_OK)
		return status;
	bind_plan(st, p, (sqlite3_int64)set_max);
	if (!(p->set = calloc(n ? n : 1, sizeof *p->set))) {
		sqlite3_finalize(st);
		return BITIM_ERR_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_int64(st, 4, ids[i]);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct place *a = &p->set[p->nset++];
			const unsigned char *due = sqlite3_column_text(st, 1);
			a->closed = sqlite3_column_int(st, 0);
			a->open_ended = !due;
			snprintf(a->deadline, sizeof a->deadline, "%s", due ? (const char *)due : "");
			a->id = ids[i];
		}
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			break;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return store_status(s, rc);
	qsort(p->set, p->nset, sizeof *p->set, place_cmp);
	return BITIM_OK;
}

/* Choose how to answer the plan's query. */
static enum bitim_status plan_choose(struct store *s, struct case_plan *p)
{
	enum bitim_status status = BITIM_OK;
	int64_t *ids = NULL;
	size_t n = 0;

	if (!p->text) {
		p->way = WAY_ALL;
		return BITIM_OK;
	}
	if (!(p->folded = search_fold(p->text)))
		return BITIM_ERR_NOMEM;
	if (!*p->folded) {
		p->way = WAY_NONE; /* only punctuation: nothing to look for */
		return BITIM_OK;
	}
	if (utf8_len_chars(p->folded) < 3) {
		p->way = WAY_SHORT;
		return BITIM_OK;
	}
	if (!(p->pattern = search_glob_pattern(p->folded)))
		return BITIM_ERR_NOMEM;
	/* An IIN or BIN: the parties' index, if a party has it; the beginning
	 * of a case number: the numbers' index; else the trigram index. */
	if (all_digits(p->folded, 12))
		status = set_ids(s, p, SET_ID, &ids, &n);
	if (status == BITIM_OK && n == 0 && number_range(p->text, p))
		status = set_ids(s, p, SET_NUMBER, &ids, &n);
	if (status == BITIM_OK && n == 0)
		status = set_ids(s, p, SET_FTS, &ids, &n);
	if (status != BITIM_OK) {
		free(ids);
		return status;
	}
	if (n == 0) {
		p->way = WAY_NONE;
	} else if (n <= set_max) {
		p->way = WAY_SET;
		status = set_read(s, p, ids, n);
	} else {
		p->way = WAY_WALK; /* many match: testing cases in order soon fills a page */
	}
	free(ids);
	return status;
}

/* The register's state: any change, by this connection or another, moves it. */
static int64_t register_version(struct store *s)
{
	int64_t v = 0;
	store_query_int(s, "PRAGMA data_version", &v);
	return (v * 1000003 + sqlite3_total_changes(s->db)) * 31 + tuning;
}

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static char *dup_or_null(const char *t, bool *failed)
{
	char *d = t && *t ? strdup(t) : NULL;
	if (t && *t && !d)
		*failed = true;
	return d;
}

/* The plan for q: the kept one if q and the register are as they were. */
static enum bitim_status plan_get(struct store *s, const struct case_query *q, struct case_plan **out)
{
	const char *text = q->text && *q->text ? q->text : NULL, *stage = q->stage && *q->stage ? q->stage : NULL,
		   *category = q->category && *q->category ? q->category : NULL;
	int64_t version = register_version(s);
	struct case_plan *p = s->list_plan;
	enum bitim_status status = BITIM_OK;
	bool failed = false;

	if (p && p->version == version && same(p->text, text) && same(p->stage, stage) && same(p->category, category)) {
		*out = p;
		return BITIM_OK;
	}
	store_case_plan_free(s);
	*out = NULL;
	if (!(p = calloc(1, sizeof *p)))
		return BITIM_ERR_NOMEM;
	p->text = dup_or_null(text, &failed);
	p->stage = dup_or_null(stage, &failed);
	p->category = dup_or_null(category, &failed);
	p->version = version;
	if (failed || (status = plan_choose(s, p)) != BITIM_OK) {
		plan_free(p);
		return failed ? BITIM_ERR_NOMEM : status;
	}
	s->list_plan = *out = p;
	return BITIM_OK;
}

/* ------------------------------------------------------------- counts */

/* Cases at one stage or all, as the triggers keep them. */
static enum bitim_status kept_count(struct store *s, const char *stage, size_t *count)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(s, stage ? "SELECT COALESCE(SUM(n), 0) FROM case_counts WHERE stage = ?1"
							  : "SELECT COALESCE(SUM(n), 0) FROM case_counts", &st);
	int rc;

	if (status != BITIM_OK)
		return status;
	store_bind_text(st, 1, stage);
	rc = sqlite3_step(st);
	*count = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return store_status(s, rc == SQLITE_ROW ? SQLITE_OK : rc);
}

/* Count by reading the cases: with a category, or every case whose keys hold
 * the text (the exact answer for a broad search: a scan). */
static enum bitim_status scan_count(struct store *s, const struct case_plan *p, size_t *count)
{
	sqlite3_stmt *st;
	char sql[512];
	enum bitim_status status;
	int rc;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM cases WHERE %s%s%s",
		 p->folded ? "instr((SELECT c0 FROM case_search_content WHERE id = cases.id), ?10) > 0" : "1",
		 p->stage ? " AND stage = ?1" : "", p->category ? " AND category = ?2" : "");
	if ((status = store_prepare(s, sql, &st)) != BITIM_OK)
		return status;
	bind_plan(st, p, -1);
	rc = sqlite3_step(st);
	*count = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return store_status(s, rc == SQLITE_ROW ? SQLITE_OK : rc);
}

enum bitim_status store_case_tally(struct store *s, const struct case_query *q, struct case_tally *t)
{
	struct case_plan *p;
	enum bitim_status status;

	memset(t, 0, sizeof *t);
	if ((status = plan_get(s, q, &p)) != BITIM_OK)
		return status;
	switch (p->way) {
	case WAY_NONE:
		break;
	case WAY_ALL:
		status = p->category ? scan_count(s, p, &t->count) : kept_count(s, p->stage, &t->count);
		break;
	case WAY_SET:
		t->count = p->nset;
		break;
	case WAY_WALK:
		/* More than set_max cases hold the text; they are not counted. */
		t->count = set_max;
		t->more = true;
		break;
	case WAY_SHORT:
		t->uncounted = true;
		break;
	}
	return status;
}

enum bitim_status store_case_count(struct store *s, const struct case_query *q, size_t *count)
{
	struct case_plan *p;
	enum bitim_status status;

	*count = 0;
	if ((status = plan_get(s, q, &p)) != BITIM_OK)
		return status;
	if (p->way == WAY_ALL && !p->category)
		return kept_count(s, p->stage, count);
	if (p->way == WAY_SET)
		*count = p->nset;
	else if (p->way != WAY_NONE)
		status = scan_count(s, p, count);
	return status;
}

/* -------------------------------------------------------------- pages */

/* One range of the order, as a WHERE condition and the index's ORDER BY. */
struct segment {
	const char *where, *order;
};

#define K1 "(status = 'closed')"
#define K2 "(next_deadline IS NULL)"
#define ORDER_FWD "status = 'closed', next_deadline IS NULL, next_deadline, id DESC"
#define ORDER_BACK "status = 'closed' DESC, next_deadline IS NULL DESC, next_deadline DESC, id"

/* The ranges after (or, backward, before) a place, nearest first; each is
 * served by the index in its order. ?5..?8 the place. Returns how many. */
static size_t segments(enum case_page where, const struct place *a, struct segment out[4])
{
	size_t n = 0;

	switch (where) {
	case CASE_PAGE_FIRST:
		out[n++] = (struct segment){ "1", ORDER_FWD };
		break;
	case CASE_PAGE_LAST:
		out[n++] = (struct segment){ "1", ORDER_BACK };
		break;
	case CASE_PAGE_FROM:
	case CASE_PAGE_AFTER:
		out[n++] = (struct segment){ where == CASE_PAGE_FROM
			? K1 " = ?5 AND " K2 " = ?6 AND next_deadline IS ?7 AND id <= ?8"
			: K1 " = ?5 AND " K2 " = ?6 AND next_deadline IS ?7 AND id < ?8", "id DESC" };
		if (!a->open_ended) {
			out[n++] = (struct segment){ K1 " = ?5 AND " K2 " = 0 AND next_deadline > ?7", "next_deadline, id DESC" };
			out[n++] = (struct segment){ K1 " = ?5 AND " K2 " = 1", "next_deadline, id DESC" };
		}
		if (!a->closed)
			out[n++] = (struct segment){ K1 " = 1", "next_deadline IS NULL, next_deadline, id DESC" };
		break;
	case CASE_PAGE_BEFORE:
		out[n++] = (struct segment){ K1 " = ?5 AND " K2 " = ?6 AND next_deadline IS ?7 AND id > ?8", "id" };
		out[n++] = (struct segment){ a->open_ended ? K1 " = ?5 AND " K2 " = 0"
							   : K1 " = ?5 AND " K2 " = 0 AND next_deadline < ?7",
					     "next_deadline DESC, id" };
		if (a->closed)
			out[n++] = (struct segment){ K1 " = 0", "next_deadline IS NULL DESC, next_deadline DESC, id" };
		break;
	}
	return n;
}

/* The ids of a page, in the order they are found (backward: nearest first). */
struct found {
	int64_t *ids;
	size_t n, limit;
	size_t looked; /* cases tested (WAY_SHORT) */
};

/* Walk one segment, adding matching ids until the page is full (or, for a
 * short search, the budget is spent). */
static enum bitim_status walk_segment(struct store *s, const struct case_plan *p, const struct segment *seg,
				      const struct place *a, struct found *f)
{
	bool test = p->way == WAY_WALK || p->way == WAY_SHORT;
	char *sql = NULL;
	sqlite3_stmt *st = NULL;
	enum bitim_status status;
	int rc = SQLITE_OK;

	/* The keys are read from the index's own copy of them (its content table). */
	if (asprintf(&sql, "SELECT id%s FROM cases WHERE %s%s%s ORDER BY %s LIMIT ?9",
		     test ? ", (SELECT c0 FROM case_search_content WHERE id = cases.id)" : "", seg->where,
		     p->stage ? " AND stage = ?1" : "", p->category ? " AND category = ?2" : "", seg->order) < 0)
		return BITIM_ERR_NOMEM;
	status = store_prepare(s, sql, &st);
	free(sql);
	if (status != BITIM_OK)
		return status;
	bind_plan(st, p, -1);
	sqlite3_bind_int(st, 5, a->closed);
	sqlite3_bind_int(st, 6, a->open_ended);
	store_bind_text(st, 7, a->open_ended ? NULL : a->deadline);
	sqlite3_bind_int64(st, 8, a->id);
	sqlite3_bind_int64(st, 9, test ? -1 : (sqlite3_int64)(f->limit - f->n));
	while (f->n < f->limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (test) {
			const char *keys = (const char *)sqlite3_column_text(st, 1);
			if (p->way == WAY_SHORT && f->looked++ >= short_budget)
				break;
			if (!keys || !strstr(keys, p->folded))
				continue;
		}
		f->ids[f->n++] = sqlite3_column_int64(st, 0);
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return store_status(s, rc);
}

/* A page of a kept set: binary search for the place, then a slice. */
static void set_page(const struct case_plan *p, enum case_page where, const struct place *a, struct found *f)
{
	size_t lo = 0, hi = p->nset, at;

	/* lo: the first entry not before a (a itself when it is in the set). */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (place_cmp(&p->set[mid], a) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	switch (where) {
	case CASE_PAGE_FIRST:
		for (at = 0; at < p->nset && f->n < f->limit; at++)
			f->ids[f->n++] = p->set[at].id;
		break;
	case CASE_PAGE_FROM:
	case CASE_PAGE_AFTER:
		at = lo;
		if (where == CASE_PAGE_AFTER && at < p->nset && place_cmp(&p->set[at], a) == 0)
			at++;
		for (; at < p->nset && f->n < f->limit; at++)
			f->ids[f->n++] = p->set[at].id;
		break;
	case CASE_PAGE_BEFORE:
	case CASE_PAGE_LAST:
		at = where == CASE_PAGE_LAST ? p->nset : lo;
		while (at > 0 && f->n < f->limit)
			f->ids[f->n++] = p->set[--at].id;
		break;
	}
}

/* The place of a row on the screen. */
static void place_of(const struct case_row *r, struct place *a)
{
	memset(a, 0, sizeof *a);
	if (!r)
		return;
	a->closed = r->status && strcmp(r->status, "closed") == 0;
	a->open_ended = !r->next_deadline;
	if (r->next_deadline)
		snprintf(a->deadline, sizeof a->deadline, "%s", r->next_deadline);
	a->id = r->id;
}

static void row_free(struct case_row *r)
{
	free(r->parties);
	free(r->category);
	free(r->stage);
	free(r->status);
	free(r->next_deadline);
	free(r->deadline_label);
	free(r->received_on);
}

/* The shown columns of the found cases, one by one by id. */
static enum bitim_status load_rows(struct store *s, const int64_t *ids, size_t n, bool reverse,
				   struct case_row **rows, size_t *count)
{
	sqlite3_stmt *st;
	struct case_row *list = calloc(n ? n : 1, sizeof *list);
	enum bitim_status status;
	size_t got = 0;
	int rc = SQLITE_OK;

	*rows = NULL;
	*count = 0;
	if (!list)
		return BITIM_ERR_NOMEM;
	status = store_prepare(s,
		"SELECT id, number, category, stage, status, next_deadline, deadline_label, received_on,"
		" (SELECT group_concat(full_name, ' — ') FROM"
		"   (SELECT full_name FROM parties p WHERE p.case_id = cases.id AND p.deleted = 0"
		"    AND p.full_name IS NOT NULL AND (p.role IS NULL OR p.role <> 'representative')"
		"    ORDER BY p.position))"
		" FROM cases WHERE id = ?1", &st);
	if (status != BITIM_OK) {
		free(list);
		return status;
	}
	for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
		struct case_row *r = &list[got];
		sqlite3_bind_int64(st, 1, ids[reverse ? n - 1 - i : i]);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			r->id = sqlite3_column_int64(st, 0);
			snprintf(r->number, sizeof r->number, "%s", (const char *)sqlite3_column_text(st, 1));
			r->category = store_column_dup(st, 2);
			r->stage = store_column_dup(st, 3);
			r->status = store_column_dup(st, 4);
			r->next_deadline = store_column_dup(st, 5);
			r->deadline_label = store_column_dup(st, 6);
			r->received_on = store_column_dup(st, 7);
			r->parties = store_column_dup(st, 8);
			got++;
		}
		if (rc == SQLITE_ROW || rc == SQLITE_DONE)
			rc = SQLITE_OK;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		store_case_rows_free(list, got);
		return store_status(s, rc);
	}
	*rows = list;
	*count = got;
	return BITIM_OK;
}

enum bitim_status store_case_page(struct store *s, const struct case_query *q, enum case_page where,
				  const struct case_row *from, size_t limit, struct case_page_result *out)
{
	struct case_plan *p;
	struct place a;
	struct segment seg[4];
	struct found f = { .limit = limit };
	enum bitim_status status;
	bool backward = where == CASE_PAGE_BEFORE || where == CASE_PAGE_LAST;

	memset(out, 0, sizeof *out);
	if (!from && where != CASE_PAGE_LAST)
		where = CASE_PAGE_FIRST;
	place_of(from, &a);
	if (limit == 0 || (status = plan_get(s, q, &p)) != BITIM_OK)
		return limit == 0 ? BITIM_OK : status;
	if (p->way == WAY_NONE)
		return BITIM_OK;
	if (p->way == WAY_SET && limit > p->nset)
		f.limit = limit = p->nset;
	if (!(f.ids = malloc((limit ? limit : 1) * sizeof *f.ids)))
		return BITIM_ERR_NOMEM;
	if (p->way == WAY_SET) {
		set_page(p, where, &a, &f);
	} else {
		size_t nseg = segments(where, &a, seg);
		for (size_t i = 0; i < nseg && f.n < limit && status == BITIM_OK; i++) {
			status = walk_segment(s, p, &seg[i], &a, &f);
			if (p->way == WAY_SHORT && f.looked > short_budget)
				break;
		}
	}
	out->partial = p->way == WAY_SHORT && f.looked > short_budget;
	out->looked = out->partial ? short_budget : f.looked;
	if (status == BITIM_OK)
		status = load_rows(s, f.ids, f.n, backward, &out->rows, &out->count);
	free(f.ids);
	return status;
}

enum bitim_status store_case_list(struct store *s, const struct case_query *q,
				  struct case_row **rows, size_t *count)
{
	struct case_page_result r;
	size_t total = 0;
	enum bitim_status status;

	*rows = NULL;
	*count = 0;
	/* Pages by place, not by offset: the rows before the offset are read and dropped. */
	if (!q->limit && (status = store_case_count(s, q, &total)) != BITIM_OK)
		return status;
	if ((status = store_case_page(s, q, CASE_PAGE_FIRST, NULL, q->limit ? q->offset + q->limit : total, &r)) != BITIM_OK)
		return status;
	for (size_t i = 0; i < q->offset && i < r.count; i++)
		row_free(&r.rows[i]);
	if (q->offset >= r.count) {
		free(r.rows);
		return BITIM_OK;
	}
	memmove(r.rows, r.rows + q->offset, (r.count - q->offset) * sizeof *r.rows);
	*rows = r.rows;
	*count = r.count - q->offset;
	return BITIM_OK;
}

void store_case_rows_free(struct case_row *rows, size_t count)
{
	for (size_t i = 0; i < count; i++)
		row_free(&rows[i]);
	free(rows);
}
