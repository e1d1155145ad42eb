/* Private to the documents: laying blocks out as text pages or as HTML. */
#ifndef BITIM_DOC_LAYOUT_H
#define BITIM_DOC_LAYOUT_H

#include <stdio.h>
#include "template.h"

/* The text body: lines of at most DOC_WIDTH columns; a page break is a line
 * holding only "\f", placed so that no page parts a heading from its first
 * line, the last clause from the signatures, or a signature block. With b
 * (the ru blocks of the same structure as the kk a), one bilingual text:
 * kk and ru side by side in two columns, a clause a row, or kk then ru per
 * clause where a word is too wide for a column. malloc'd. */
char *layout_text_body(const struct blocks *a, const struct blocks *b);

/* Paginate a body with a footer on every page (number, fingerprint, page,
 * date of printing). malloc'd. */
char *layout_text_pages(const char *body, const char *number, const char *fingerprint, const char *printed);

/* Write blocks as the inside of an HTML element; with b (ru, as above) a
 * two-column table, a clause a row, and one signature block. */
void layout_html_blocks(FILE *out, const struct blocks *a, const struct blocks *b);

/* Write text with & < > " escaped for HTML. */
void layout_html_escape(FILE *out, const char *text);

#endif
