/* Documents: render a case's papers in its language, freeze the signed
 * settlement agreement with its fingerprint, and verify a printed copy. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <nettle/sha2.h>
#include "bitim/doc.h"
#include "bitim/i18n.h"
#include "doc_layout.h"
#include "template.h"

static const char *const kind_names[DOC_KIND_COUNT] = { "contract", "settlement", "termination", "minutes", "card", "addendum", "notstarted" };

const char *doc_kind_name(enum doc_kind kind)
{
	return (unsigned)kind < DOC_KIND_COUNT ? kind_names[kind] : "?";
}

int doc_kind_from_name(const char *name)
{
	for (int i = 0; i < DOC_KIND_COUNT; i++)
		if (name && strcmp(name, kind_names[i]) == 0)
			return i;
	return -1;
}

const char *doc_case_lang(const struct case_data *cd)
{
	const char *l = casedata_get(cd, ENTITY_CASE, 0, "language");

	if (l && strcmp(l, "kk_ru") == 0)
		return "kk+ru";
	if (l && i18n_lang_from_code(l) >= 0)
		return l;
	return i18n_lang_code(i18n_lang());
}

void doc_fingerprint(const char *text, size_t len, char hex[DOC_FINGERPRINT_BUF])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)text);
	sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}

enum bitim_status doc_check_templates(const struct procedure *p, char *err, size_t err_size)
{
	static const char *const langs[] = { "kk", "ru", "en" };
	char path[4096], pair[4096];

	for (int k = 0; k < DOC_KIND_COUNT; k++) {
		for (size_t l = 0; l < 3; l++) {
			struct template_data data = { .p = p }; /* no case: syntax only */
			struct blocks b;
			enum bitim_status st;
			snprintf(path, sizeof path, "%s/templates/%s.%s.tpl", p->dir, kind_names[k], langs[l]);
			st = template_expand(path, &data, &b, err, err_size);
			blocks_free(&b);
			free(data.missing);
			if (st != BITIM_OK)
				return st;
		}
		/* the kk and ru of a kind make one bilingual paper: built alike */
		snprintf(path, sizeof path, "%s/templates/%s.kk.tpl", p->dir, kind_names[k]);
		snprintf(pair, sizeof pair, "%s/templates/%s.ru.tpl", p->dir, kind_names[k]);
		enum bitim_status alike = template_compare(path, pair, err, err_size);
		if (alike != BITIM_OK)
			return alike;
	}
	return BITIM_OK;
}

/* ----------------------------------------------------------- gathering */

/* What a document says beyond the case: the office and the mediator. */
struct doc_source {
	struct case_data *cd;
	char *office[5];
	char *mediator;
	char signed_fingerprint[20]; /* "xxxx xxxx xxxx xxxx" of the signed agreement, or "" */
};

static void source_free(struct doc_source *src)
{
	casedata_free(src->cd);
	for (int i = 0; i < 5; i++)
		free(src->office[i]);
	free(src->mediator);
}

static enum bitim_status source_load(struct store *s, int64_t case_id, struct doc_source *src)
{
	static const char *const fields[5] = { "code", "name", "region", "district", "village" };
	struct mediator *list = NULL;
	size_t n = 0;
	enum bitim_status st;
	const char *named;

	memset(src, 0, sizeof *src);
	if ((st = store_case_load(s, case_id, &src->cd)) != BITIM_OK)
		return st;
	for (int i = 0; i < 5; i++)
		if ((st = store_office_get(s, fields[i], &src->office[i])) != BITIM_OK)
			return st;
	/* The mediator named on the case, else the office's mediator. */
	/* An addendum names the signed agreement by its fingerprint. */
	struct stored_doc signed_doc;
	if (store_document_signed(s, case_id, "settlement", &signed_doc) == BITIM_OK) {
		snprintf(src->signed_fingerprint, sizeof src->signed_fingerprint, "%.4s %.4s %.4s %.4s",
			 signed_doc.sha256, signed_doc.sha256 + 4, signed_doc.sha256 + 8, signed_doc.sha256 + 12);
		store_document_clear(&signed_doc);
	}
	named = casedata_get(src->cd, ENTITY_CASE, 0, "mediator_name");
	if (named)
		src->mediator = strdup(named);
	else if (store_mediator_list(s, &list, &n) == BITIM_OK && n > 0 && list[0].full_name)
		src->mediator = strdup(list[0].full_name);
	store_mediators_free(list, n);
	return BITIM_OK;
}

/* "kk+ru" → {"kk", "ru"}; a single language → one. Returns the count, 0 if unknown. */
static size_t split_langs(const char *lang, const char *out[2])
{
	if (strcmp(lang, "kk+ru") == 0) {
		out[0] = "kk";
		out[1] = "ru";
		return 2;
	}
	if (i18n_lang_from_code(lang) < 0)
		return 0;
	out[0] = lang;
	return 1;
}

/* The missing values, worded in the user's language. */
static int report_missing(const struct procedure *p, const struct template_data *d, struct problems *why)
{
	memset(why, 0, sizeof *why);
	why->items = calloc(d->nmissing ? d->nmissing : 1, sizeof *why->items);
	if (!why->items)
		return -1;
	for (size_t i = 0; i < d->nmissing; i++) {
		const struct missing *m = &d->missing[i];
		struct problem *pr = &why->items[why->count];
		int n;
		if (!m->field)
			n = asprintf(&pr->message, _("Missing: %s"), _(m->what));
		else if (m->row < 0)
			n = asprintf(&pr->message, _("Missing: %s"), _(m->field->label));
		else
			n = asprintf(&pr->message, _("Missing (%s %zu): %s"),
				     _(p->groups[m->field->entity].item), (size_t)m->row + 1,
				     _(m->field->label));
		if (n < 0)
			return -1;
		pr->field = m->field;
		pr->row = m->row;
		why->count++;
	}
	return 0;
}

/* The grounds of forms/choices.def (termination_ground) on which mediation
 * never started (Arts. 1, 20): their paper is the letter "notstarted", the
 * others' the notice of termination (Art. 26 p.2). */
static bool ground_not_started(const char *g)
{
	return g && (strcmp(g, "offer_rejected") == 0 || strcmp(g, "offer_unanswered") == 0 ||
		     strcmp(g, "refused_at_intake") == 0);
}

/* Why this paper does not fit the case's ground, or NULL. */
static const char *kind_refused(enum doc_kind kind, const struct case_data *cd)
{
	const char *g = casedata_get(cd, ENTITY_CASE, 0, "termination_ground");

	if (kind == DOC_TERMINATION && ground_not_started(g))
		return N_("Mediation did not start on this case: print the letter that mediation was not started (notstarted), not a notice of termination");
	if (kind == DOC_NOTSTARTED && g && !ground_not_started(g))
		return N_("Mediation started and was terminated on this case: print the notice of termination (termination)");
	return NULL;
}

/* The clause of a bilingual paper that both texts have equal force (worded
 * in the current language). */
static const char *const parity_clause[DOC_KIND_COUNT] = {
	N_("This contract is made in the Kazakh and Russian languages; both texts have equal legal force."),
	N_("This agreement is made in the Kazakh and Russian languages; both texts have equal legal force."),
	N_("This notice is made in the Kazakh and Russian languages; both texts have equal legal force."),
	N_("These minutes are made in the Kazakh and Russian languages; both texts have equal legal force."),
	N_("This card is made in the Kazakh and Russian languages; both texts have equal legal force."),
	N_("This addendum is made in the Kazakh and Russian languages; both texts have equal legal force."),
};
/* ... and for a paper with no clause of its own above. */
static const char parity_any[] =
	N_("This document is made in the Kazakh and Russian languages; both texts have equal legal force.");

/* Where the parity clause goes: before the headings of the last signature
 * block, else at the end. */
static size_t parity_at(const struct blocks *b)
{
	size_t at = b->count;

	for (size_t i = b->count; i > 0; i--)
		if (b->items[i - 1].kind == BLOCK_SIGN) {
			at = i - 1;
			while (at > 0 && b->items[at - 1].kind == BLOCK_SIGN)
				at--;
			break;
		}
	while (at > 0 && at < b->count && b->items[at - 1].kind == BLOCK_HEADING)
		at--;
	return at;
}

static int insert_para(struct blocks *b, size_t at, const char *text)
{
	struct block *grown = realloc(b->items, (b->count + 1) * sizeof *grown);
	char *copy = strdup(text);

	if (grown)
		b->items = grown;
	if (!grown || !copy) {
		free(copy);
		return -1;
	}
	memmove(grown + at + 1, grown + at, (b->count - at) * sizeof *grown);
	grown[at] = (struct block){ BLOCK_PARA, copy, 0 };
	b->count++;
	return 0;
}

/* A kk+ru paper pairs the blocks one to one: the same kinds in the same
 * order. When they are not, err names both templates' lines. */
static bool parallel(const struct blocks b[2], enum doc_kind kind, char *err, size_t err_size)
{
	size_t n = b[0].count < b[1].count ? b[0].count : b[1].count;

	for (size_t i = 0; i <= n; i++) {
		bool end_a = i == b[0].count, end_b = i == b[1].count;
		if (end_a && end_b)
			return true;
		if (!end_a && !end_b && b[0].items[i].kind == b[1].items[i].kind)
			continue;
		snprintf(err, err_size, _("%s.ru.tpl:%d: this part has no pair at %s.kk.tpl:%d; the kk and ru texts of a bilingual paper must be built alike"),
			 doc_kind_name(kind), end_b ? 0 : b[1].items[i].line, doc_kind_name(kind), end_a ? 0 : b[0].items[i].line);
		return false;
	}
	return true;
}

/* Expand the document's template in each language into blocks. */
static enum bitim_status expand(const struct procedure *p, const struct doc_source *src,
				const struct doc_request *req, const char *langs[2], size_t nlangs,
				struct blocks out[2], struct problems *missing)
{
	struct template_data data = { .p = p, .cd = src->cd, .mediator = src->mediator,
				      .include_confidential = req->include_confidential,
				      .signed_fingerprint = src->signed_fingerprint[0] ? src->signed_fingerprint : NULL };
	enum bitim_lang ui = i18n_lang();
	enum bitim_status st = BITIM_OK;
	char path[4096], err[512];

	for (int i = 0; i < 5; i++)
		data.office[i] = src->office[i];
	memset(missing, 0, sizeof *missing);
	if (kind_refused(req->kind, src->cd)) {
		missing->items = calloc(1, sizeof *missing->items);
		if (!missing->items || !(missing->items[0].message = strdup(_(kind_refused(req->kind, src->cd)))))
			return BITIM_ERR_NOMEM;
		missing->items[0].row = -1;
		missing->count = 1;
		return BITIM_ERR_GUARD;
	}
	/* The notice and the letter say why mediation ended: no ground, no paper. */
	if ((req->kind == DOC_TERMINATION || req->kind == DOC_NOTSTARTED) &&
	    !casedata_get(src->cd, ENTITY_CASE, 0, "termination_ground")) {
		const struct field_def *ground = procedure_field(p, "case.termination_ground");
		if (ground && !(data.missing = malloc(sizeof *data.missing)))
			return BITIM_ERR_NOMEM;
		if (ground)
			data.missing[data.nmissing++] = (struct missing){ ground, NULL, -1 };
	}
	for (size_t i = 0; i < nlangs && st == BITIM_OK; i++) {
		snprintf(path, sizeof path, "%s/templates/%s.%s.tpl", p->dir, doc_kind_name(req->kind), langs[i]);
		/* Choices and dates are worded in the document's language. */
		i18n_set_lang((enum bitim_lang)i18n_lang_from_code(langs[i]));
		st = template_expand(path, &data, &out[i], err, sizeof err);
		if (st == BITIM_OK && nlangs == 2 && insert_para(&out[i], parity_at(&out[i]),
							 _(parity_clause[req->kind] ? parity_clause[req->kind] : parity_any)) < 0)
			st = BITIM_ERR_NOMEM;
	}
	i18n_set_lang(ui);
	if (st == BITIM_OK && nlangs == 2 && !parallel(out, req->kind, err, sizeof err))
		st = BITIM_ERR_FORMS;
	memset(missing, 0, sizeof *missing);
	if (st == BITIM_ERR_FORMS) {
		missing->items = calloc(1, sizeof *missing->items);
		if (missing->items && (missing->items[0].message = strdup(err)) != NULL) {
			missing->items[0].row = -1;
			missing->count = 1;
		}
	} else if (st == BITIM_OK && data.nmissing > 0) {
		st = report_missing(p, &data, missing) < 0 ? BITIM_ERR_NOMEM : BITIM_ERR_GUARD;
	}
	free(data.missing);
	return st;
}

/* The text body of the document; kk+ru as one paper, clause by clause. */
static char *text_body(struct blocks b[2], size_t nlangs)
{
	return layout_text_body(&b[0], nlangs == 2 ? &b[1] : NULL);
}

/* ----------------------------------------------------------------- HTML */

static const char html_style[] =
	"@page { size: A4; margin: 20mm 15mm 22mm 25mm; }\n"
	"body { font-family: 'DejaVu Serif', 'Times New Roman', serif; font-size: 12pt; line-height: 1.35; color: #000; }\n"
	"h1 { text-align: center; font-size: 14pt; margin: 0 0 1em; }\n"
	"h2 { font-size: 12pt; margin: 1.2em 0 .4em; }\n"
	"p { text-align: justify; margin: 0 0 .6em; white-space: pre-line; }\n"
	"p.li { text-align: left; margin: 0 0 .3em 1.5em; text-indent: -1em; }\n"
	"pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 10pt; white-space: pre-wrap; }\n"
	".sign { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 2.4em; page-break-inside: avoid; }\n"
	".sign .who { width: 55%; }\n"
	".sign .line { width: 40%; border-bottom: 1px solid #000; height: 1.2em; }\n"
	".break { page-break-after: always; break-after: page; }\n"
	"h1, h2 { page-break-after: avoid; break-after: avoid; }\n"
	".keep { page-break-inside: avoid; break-inside: avoid; }\n"
	"table.bi { width: 100%; border-collapse: collapse; table-layout: fixed; }\n"
	"table.bi td { width: 50%; vertical-align: top; padding: 0 3mm; }\n"
	"table.bi td + td { border-left: 1px solid #999; }\n"
	"table.bi tr { page-break-inside: avoid; break-inside: avoid; }\n"
	".footer { position: fixed; bottom: 0; left: 0; right: 0; font-size: 8pt; text-align: center; color: #333; }\n"
	"@media screen { body { max-width: 180mm; margin: 1em auto 3em; } .footer { position: static; margin-top: 3em; } }\n";

static char *html_document(const struct doc_source *src, struct blocks b[2], size_t nlangs,
			   const char *lang, const char *signed_body, const char *fingerprint, const char *printed)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (!out)
		return NULL;
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>", nlangs == 2 ? "kk" : lang);
	layout_html_escape(out, casedata_number(src->cd));
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", html_style);
	if (signed_body) {
		/* A signed agreement is shown exactly as it was signed, its pages
		 * breaking where they broke in the text signed. */
		fputs("<pre>", out);
		for (const char *part = signed_body, *ff; *part; part = ff ? ff + 1 : part + strlen(part)) {
			ff = strchr(part, '\f');
			char *piece = strndup(part, ff ? (size_t)(ff - part) : strlen(part));
			layout_html_escape(out, piece ? piece : "");
			free(piece);
			if (ff)
				fputs("</pre>\n<div class=\"break\"></div>\n<pre>", out);
		}
		fputs("</pre>\n", out);
	} else {
		layout_html_blocks(out, &b[0], nlangs == 2 ? &b[1] : NULL);
	}
	fputs("<div class=\"footer\">bitim · ", out);
	layout_html_escape(out, casedata_number(src->cd));
	fprintf(out, " · SHA-256 %.4s %.4s %.4s %.4s · %s</div>\n</body>\n</html>\n", fingerprint, fingerprint + 4,
		fingerprint + 8, fingerprint + 12, printed);
	fclose(out);
	return text;
}

/* --------------------------------------------------------------- render */

enum bitim_status doc_render(struct store *s, const struct procedure *p, int64_t case_id,
			     const struct doc_request *req, char **out, struct problems *missing)
{
	struct doc_source src;
	struct blocks b[2] = { { 0 }, { 0 } };
	struct stored_doc signed_doc = { 0 };
	const char *langs[2], *lang;
	char *body = NULL, fp[DOC_FINGERPRINT_BUF], printed[DATE_BUF];
	size_t nlangs;
	enum bitim_status st;

	*out = NULL;
	memset(missing, 0, sizeof *missing);
	if ((st = source_load(s, case_id, &src)) != BITIM_OK)
		goto done;
	lang = req->lang ? req->lang : doc_case_lang(src.cd);
	if (!(nlangs = split_langs(lang, langs))) {
		st = BITIM_ERR_INVALID;
		goto done;
	}
	date_format_user(req->printed_on, printed);
	/* The signed settlement agreement is always given as it was signed. */
	if (req->kind == DOC_SETTLEMENT &&
	    (st = store_document_signed(s, case_id, "settlement", &signed_doc)) == BITIM_OK) {
		body = strdup(signed_doc.body);
		snprintf(fp, sizeof fp, "%s", signed_doc.sha256);
	} else if (st == BITIM_OK || st == BITIM_ERR_NOTFOUND) {
		if ((st = expand(p, &src, req, langs, nlangs, b, missing)) != BITIM_OK)
			goto done;
		body = text_body(b, nlangs);
		if (body)
			doc_fingerprint(body, strlen(body), fp);
	} else {
		goto done;
	}
	if (!body) {
		st = BITIM_ERR_NOMEM;
		goto done;
	}
	if (req->format == DOC_TXT)
		*out = layout_text_pages(body, casedata_number(src.cd), fp, printed);
	else
		*out = html_document(&src, b, nlangs, lang, signed_doc.body, fp, printed);
	st = *out ? BITIM_OK : BITIM_ERR_NOMEM;
done:
	free(body);
	blocks_free(&b[0]);
	blocks_free(&b[1]);
	store_document_clear(&signed_doc);
	source_free(&src);
	return st;
}

/* Who signed: every party with a name, then the mediator. */
static char *signers(const struct doc_source *src)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (!out)
		return NULL;
	for (size_t r = 0; r < casedata_rows(src->cd, ENTITY_PARTY); r++) {
		const char *name = casedata_get(src->cd, ENTITY_PARTY, r, "full_name");
		if (name)
			fprintf(out, "%s; ", name);
	}
	fprintf(out, "%s", src->mediator ? src->mediator : "");
	fclose(out);
	return text;
}

size_t doc_sign_versions(const struct case_data *cd, const char *versions[2])
{
	versions[0] = doc_case_lang(cd);
	versions[1] = "kk+ru";
	return strcmp(versions[0], "kk+ru") == 0 ? 1 : 2;
}

enum bitim_status doc_freeze(struct store *s, const struct procedure *p, int64_t case_id, bitim_day today,
			     const char *version, struct problems *missing)
{
	struct doc_source src;
	struct blocks b[2] = { { 0 }, { 0 } };
	struct doc_request req = { .kind = DOC_SETTLEMENT, .format = DOC_TXT, .printed_on = today };
	const char *langs[2], *lang, *on;
	char *body = NULL, *who = NULL, fp[DOC_FINGERPRINT_BUF], day[DATE_BUF];
	size_t nlangs;
	enum bitim_status st;

	memset(missing, 0, sizeof *missing);
	if ((st = source_load(s, case_id, &src)) != BITIM_OK)
		goto done;
	lang = version ? version : doc_case_lang(src.cd);
	if (!(nlangs = split_langs(lang, langs))) {
		st = BITIM_ERR_INVALID;
		goto done;
	}
	if ((st = expand(p, &src, &req, langs, nlangs, b, missing)) != BITIM_OK)
		goto done;
	body = text_body(b, nlangs);
	who = signers(&src);
	if (!body || !who) {
		st = BITIM_ERR_NOMEM;
		goto done;
	}
	doc_fingerprint(body, strlen(body), fp);
	on = casedata_get(src.cd, ENTITY_CASE, 0, "signed_on");
	if (!on) {
		date_format_iso(today, day);
		on = day;
	}
	st = store_document_add(s, case_id, "settlement", lang, "txt", body, fp, on, who);
done:
	free(body);
	free(who);
	blocks_free(&b[0]);
	blocks_free(&b[1]);
	source_free(&src);
	return st;
}

enum bitim_status doc_fixed_lang(struct store *s, int64_t case_id, enum doc_kind kind, char lang[8])
{
	struct stored_doc d;
	enum bitim_status st;

	if (kind != DOC_SETTLEMENT)
		return BITIM_ERR_NOTFOUND;
	if ((st = store_document_signed(s, case_id, "settlement", &d)) == BITIM_OK) {
		snprintf(lang, 8, "%s", d.lang);
		store_document_clear(&d);
	}
	return st;
}

enum bitim_status doc_verify(struct store *s, int64_t case_id, const char *text, size_t len, bool *match)
{
	struct stored_doc d;
	char *body, fp[DOC_FINGERPRINT_BUF];
	enum bitim_status st = store_document_signed(s, case_id, "settlement", &d);

	*match = false;
	if (st != BITIM_OK)
		return st;
	body = doc_strip_footers(text, len);
	if (!body) {
		store_document_clear(&d);
		return BITIM_ERR_NOMEM;
	}
	doc_fingerprint(body, strlen(body), fp);
	*match = strcmp(fp, d.sha256) == 0 && strcmp(body, d.body) == 0;
	free(body);
	store_document_clear(&d);
	return BITIM_OK;
}
