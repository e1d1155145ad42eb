/* Private to the documents: laying blocks out as text pages or as HTML. */
#ifndef BITIM_DOC_LAYOUT_H
#define BITIM_DOC_LAYOUT_H

#include <stdio.h>
#include "template.h"

/* The text body: lines of at most DOC_WIDTH columns; a page break is a line
 * holding only "\f". malloc'd. */
char *layout_text_body(const struct blocks *b);

/* Paginate a body with a footer on every page (number, fingerprint, page,
 * date of printing). malloc'd. */
char *layout_text_pages(const char *body, const char *number, const char *fingerprint, const char *printed);

/* Write blocks as the inside of an HTML element. */
void layout_html_blocks(FILE *out, const struct blocks *b);

/* Write text with & < > " escaped for HTML. */
void layout_html_escape(FILE *out, const char *text);

#endif
