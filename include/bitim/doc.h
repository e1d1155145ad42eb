/* Documents for signing and for the register, rendered from templates in
 * forms/templates/ (format in forms/templates/README), in Kazakh, Russian,
 * English or both Kazakh and Russian; as A4 text or print-ready HTML. */
#ifndef BITIM_DOC_H
#define BITIM_DOC_H

#include <stdbool.h>
#include <stdint.h>
#include "bitim/procedure.h"
#include "bitim/store.h"

enum doc_kind { DOC_CONTRACT, DOC_SETTLEMENT, DOC_TERMINATION, DOC_MINUTES, DOC_CARD, DOC_ADDENDUM, DOC_NOTSTARTED, DOC_KIND_COUNT };
enum doc_format { DOC_TXT, DOC_HTML };

/* Characters per line of the text layout: A4 in a 10-point monospace font. */
#define DOC_WIDTH 76
/* Lines per page of the text layout, the footer included. */
#define DOC_PAGE_LINES 64
/* Buffer for a SHA-256 fingerprint in hex. */
#define DOC_FINGERPRINT_BUF 65

struct doc_request {
	enum doc_kind kind;
	const char *lang;          /* "kk", "ru", "en" or "kk+ru"; NULL: the case's language */
	enum doc_format format;
	bool include_confidential; /* session notes in the minutes */
	bitim_day printed_on;      /* shown in the footer only */
};

/* "contract" ... "card", "addendum", and back (-1 when unknown). */
const char *doc_kind_name(enum doc_kind kind);
int doc_kind_from_name(const char *name);

/* The language a case's documents are in by default ("kk", "ru", "en", "kk+ru"). */
const char *doc_case_lang(const struct case_data *cd);

/* Render a document. When data it needs is missing, returns BITIM_ERR_GUARD
 * and lists each missing item by name in *missing (nothing is rendered);
 * otherwise *out is the document (malloc'd). */
enum bitim_status doc_render(struct store *s, const struct procedure *p, int64_t case_id,
			     const struct doc_request *req, char **out, struct problems *missing);

/* Check the syntax and placeholders of every template (each document in kk,
 * ru and en). On an error returns BITIM_ERR_FORMS and writes "file:line:
 * reason" into err. */
enum bitim_status doc_check_templates(const struct procedure *p, char *err, size_t err_size);

/* The SHA-256 of text, as 64 hex digits. */
void doc_fingerprint(const char *text, size_t len, char hex[DOC_FINGERPRINT_BUF]);

/* Freeze the settlement agreement as signed: store its exact text in the
 * version the parties signed (lang: "kk", "ru", "en" or "kk+ru"; NULL: the
 * case's language) and its fingerprint. Part of the caller's transaction.
 * When data the document needs is missing, returns BITIM_ERR_GUARD with
 * *missing; an unknown lang is BITIM_ERR_INVALID. */
enum bitim_status doc_freeze(struct store *s, const struct procedure *p, int64_t case_id, bitim_day today,
			     const char *lang, struct problems *missing);

/* The printed versions a settlement can be signed in: the case's language
 * and kk+ru (one when they are the same). Returns the count (1 or 2). */
size_t doc_sign_versions(const struct case_data *cd, const char *versions[2]);

/* The language ("kk", "ru", "en", "kk+ru") a document of this kind is given
 * in whatever is asked: the signed settlement agreement's, as it was signed.
 * BITIM_ERR_NOTFOUND when the kind is not fixed so (any language can be asked). */
enum bitim_status doc_fixed_lang(struct store *s, int64_t case_id, enum doc_kind kind, char lang[8]);

/* Whether the text of a printed file (its footers are ignored) is the signed
 * settlement agreement of the case. BITIM_ERR_NOTFOUND: nothing was signed. */
enum bitim_status doc_verify(struct store *s, int64_t case_id, const char *text, size_t len, bool *match);

/* The text body of a rendered text document: its page footers and page
 * breaks taken out (what the fingerprint covers). malloc'd. */
char *doc_strip_footers(const char *text, size_t len);

#endif
