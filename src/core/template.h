/* Private to the documents: templates expanded into blocks of text. */
#ifndef BITIM_TEMPLATE_H
#define BITIM_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>
#include "bitim/casedata.h"
#include "bitim/form.h"

enum block_kind {
	BLOCK_TITLE,   /* "# " line: centred */
	BLOCK_HEADING, /* "## " line */
	BLOCK_PARA,    /* lines joined; "\n" inside is a hard line break */
	BLOCK_ITEM,    /* "- " line: a list item */
	BLOCK_SIGN,    /* {signatures}: text is "Name\tRole" */
	BLOCK_PAGE     /* {page}: a page break */
};

struct block {
	enum block_kind kind;
	char *text; /* owned */
	int line;   /* the template line it came from (1-based) */
};

struct blocks {
	struct block *items; /* owned */
	size_t count;
};

/* A value a template needs that the case does not have. */
struct missing {
	const struct field_def *field; /* NULL for a value that is not a field */
	const char *what;              /* msgid when field is NULL */
	int row;                       /* group row, or -1 */
};

struct template_data {
	const struct procedure *p;
	const struct case_data *cd;  /* NULL to check a template's syntax only */
	const char *office[5];       /* code, name, region, district, village */
	const char *mediator;        /* the mediator's name, or NULL */
	const char *signed_fingerprint; /* the signed agreement's short fingerprint, or NULL */
	bool include_confidential;
	struct missing *missing;     /* filled; owned by the caller (free) */
	size_t nmissing;
};

/* Expand the template at path with data. On a template error returns
 * BITIM_ERR_FORMS and writes "file:line: reason" into err. */
enum bitim_status template_expand(const char *path, struct template_data *data, struct blocks *out,
				  char *err, size_t err_size);
void blocks_free(struct blocks *b);

/* Whether two templates (the kk and ru of a kind) are built alike: the same
 * titles, headings, paragraphs, items, {each}/{if} blocks, signatures and
 * page breaks in the same order. When they are not, returns BITIM_ERR_FORMS
 * and writes "file:line: reason" (naming the other file's line) into err. */
enum bitim_status template_compare(const char *path_a, const char *path_b, char *err, size_t err_size);

#endif
