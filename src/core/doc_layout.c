/* Laying documents out: A4 text in a monospace font, or HTML for printing. */
#include <config.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/doc.h"
#include "bitim/utf8.h"
#include "doc_layout.h"

/* Width of the name column in a signature line; the rest is the line to sign on. */
#define SIGN_NAME_COLS 44

static void put_spaces(FILE *out, int n)
{
	for (int i = 0; i < n; i++)
		fputc(' ', out);
}

/* Write text wrapped to width columns; each line starts with first (then
 * rest) columns of indentation; "\n" in the text breaks a line. */
static void wrap(FILE *out, const char *text, int width, int first, int rest)
{
	const char *line = text;
	int indent = first;
	/* A negative first indent means the caller already wrote that many columns. */
	int written = first < 0 ? -first : 0;

	if (first < 0)
		indent = 0;

	while (*line) {
		size_t hard = strcspn(line, "\n");
		const char *p = line, *end = line + hard;
		do {
			const char *brk = NULL, *q = p;
			int cols = 0;
			uint32_t cp;
			while (q < end) {
				size_t n = utf8_decode(q, (size_t)(end - q), &cp);
				int w = utf8_width(q, n ? n : 1);
				if (cols + w > width - indent - written)
					break;
				/* Break at a blank, but not inside a group of digits
				 * such as a phone number (+7 701 234 56 78). */
				if (cp == ' ' && !(q > p && isdigit((unsigned char)q[-1]) && q + 1 < end &&
						   isdigit((unsigned char)q[1])))
					brk = q;
				cols += w;
				q += n ? n : 1;
			}
			if (q < end && brk && brk > p)
				q = brk; /* break at the last blank: words stay whole */
			put_spaces(out, indent);
			fwrite(p, 1, (size_t)(q - p), out);
			fputc('\n', out);
			indent = rest;
			written = 0;
			p = q;
			while (p < end && *p == ' ')
				p++;
		} while (p < end);
		line = *end ? end + 1 : end;
		if (hard == 0 && *line == '\0')
			break;
	}
}

static void sign_line(FILE *out, const char *text)
{
	const char *tab = strchr(text, '\t');
	size_t name_len = tab ? (size_t)(tab - text) : strlen(text);
	char *name = strndup(text, name_len);
	char *label = NULL;

	if (!name)
		return;
	if (tab && tab[1] && asprintf(&label, "%s (%s)", name, tab + 1) < 0)
		label = NULL;
	fputc('\n', out);
	/* Name on the left (wrapped if long), the line to sign on at the right. */
	const char *who = label ? label : name;
	int w = utf8_width(who, strlen(who));
	if (w <= SIGN_NAME_COLS) {
		fputs(who, out);
		put_spaces(out, SIGN_NAME_COLS - w + 2);
	} else {
		wrap(out, who, SIGN_NAME_COLS, 0, 0);
		put_spaces(out, SIGN_NAME_COLS + 2);
	}
	for (int i = 0; i < DOC_WIDTH - SIGN_NAME_COLS - 2; i++)
		fputc('_', out);
	fputc('\n', out);
	free(label);
	free(name);
}

char *layout_text_body(const struct blocks *b)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (!out)
		return NULL;
	for (size_t i = 0; i < b->count; i++) {
		const struct block *k = &b->items[i];
		enum block_kind prev = i ? b->items[i - 1].kind : BLOCK_PAGE;
		switch (k->kind) {
		case BLOCK_TITLE: {
			int w = utf8_width(k->text, strlen(k->text));
			if (prev != BLOCK_PAGE && prev != BLOCK_TITLE)
				fputc('\n', out);
			if (w < DOC_WIDTH)
				put_spaces(out, (DOC_WIDTH - w) / 2);
			wrap(out, k->text, DOC_WIDTH, 0, 0);
			break;
		}
		case BLOCK_HEADING:
			fputc('\n', out);
			wrap(out, k->text, DOC_WIDTH, 0, 0);
			break;
		case BLOCK_PARA:
			fputc('\n', out);
			wrap(out, k->text, DOC_WIDTH, 0, 0);
			break;
		case BLOCK_ITEM:
			if (prev != BLOCK_ITEM)
				fputc('\n', out);
			fputs("  - ", out);
			wrap(out, k->text, DOC_WIDTH, -4, 4);
			break;
		case BLOCK_SIGN:
			sign_line(out, k->text);
			break;
		case BLOCK_PAGE:
			fputs("\f\n", out);
			break;
		}
	}
	fclose(out);
	return text;
}

/* The lines of one page: [start, end) of body lines. */
struct page_span {
	size_t start, end;
};

char *layout_text_pages(const char *body, const char *number, const char *fingerprint, const char *printed)
{
	char **lines = NULL, *copy = strdup(body), *text = NULL;
	size_t n = 0, len = 0, npages = 0;
	struct page_span *pages = NULL;
	const int room = DOC_PAGE_LINES - 2; /* a blank line and the footer */
	FILE *out;

	if (!copy)
		return NULL;
	/* Split into lines, keeping empty ones. */
	for (char *l = copy, *next; l; l = next) {
		next = strchr(l, '\n');
		if (next)
			*next++ = '\0';
		if (!next && *l == '\0')
			break;
		char **grown = realloc(lines, (n + 1) * sizeof *grown);
		if (!grown)
			goto out;
		lines = grown;
		lines[n++] = l;
	}
	/* Pages: full ones, or cut short where a "\f" line asks. */
	for (size_t i = 0, start = 0; i <= n; i++) {
		bool brk = i < n && strcmp(lines[i], "\f") == 0;
		if (i == n || brk || (int)(i - start) == room) {
			struct page_span *grown = realloc(pages, (npages + 1) * sizeof *grown);
			if (!grown)
				goto out;
			pages = grown;
			pages[npages++] = (struct page_span){ start, i };
			start = i; /* a "\f" line starts the next page */
		}
	}
	out = open_memstream(&text, &len);
	if (!out)
		goto out;
	for (size_t p = 0; p < npages; p++) {
		for (size_t i = pages[p].start; i < pages[p].end; i++) {
			fputs(lines[i], out);
			fputc('\n', out);
		}
		/* A page that ends because it is full ends its footer with a form
		 * feed; one cut short by {page} leaves that to the body's "\f". */
		bool feed = p + 1 < npages && strcmp(lines[pages[p + 1].start], "\f") != 0;
		fprintf(out, "\n-- bitim · %s · SHA-256 %.4s %.4s %.4s %.4s · %zu/%zu · %s --%s\n", number,
			fingerprint, fingerprint + 4, fingerprint + 8, fingerprint + 12, p + 1, npages, printed,
			feed ? "\f" : "");
	}
	fclose(out);
out:
	free(pages);
	free(lines);
	free(copy);
	return text;
}

char *doc_strip_footers(const char *text, size_t len)
{
	char *out = malloc(len + 1);
	size_t o = 0, i = 0;

	if (!out)
		return NULL;
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t last = end > i && text[end - 1] == '\f' ? end - 1 : end; /* a footer may end in a form feed */
		bool footer = strncmp(text + i, "-- bitim · ", strlen("-- bitim · ")) == 0 && last - i >= 3 &&
			      strncmp(text + last - 3, " --", 3) == 0;
		if (footer) {
			/* drop it and the blank line layout_text_pages put before it */
			if (o >= 1 && out[o - 1] == '\n' && (o < 2 || out[o - 2] == '\n'))
				o--;
		} else {
			memcpy(out + o, text + i, end - i);
			o += end - i;
			if (nl)
				out[o++] = '\n';
		}
		i = nl ? end + 1 : len;
	}
	out[o] = '\0';
	return out;
}

/* ---------------------------------------------------------------- HTML */

void layout_html_escape(FILE *out, const char *text)
{
	for (const char *c = text; *c; c++) {
		switch (*c) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\f': break;
		default: fputc(*c, out);
		}
	}
}

void layout_html_blocks(FILE *out, const struct blocks *b)
{
	bool in_list = false;

	for (size_t i = 0; i < b->count; i++) {
		const struct block *k = &b->items[i];
		if (in_list && k->kind != BLOCK_ITEM) {
			fputs("</ul>\n", out);
			in_list = false;
		}
		switch (k->kind) {
		case BLOCK_TITLE:
			fputs("<h1>", out);
			layout_html_escape(out, k->text);
			fputs("</h1>\n", out);
			break;
		case BLOCK_HEADING:
			fputs("<h2>", out);
			layout_html_escape(out, k->text);
			fputs("</h2>\n", out);
			break;
		case BLOCK_PARA:
			fputs("<p>", out);
			layout_html_escape(out, k->text);
			fputs("</p>\n", out);
			break;
		case BLOCK_ITEM:
			if (!in_list)
				fputs("<ul>\n", out);
			in_list = true;
			fputs("<li>", out);
			layout_html_escape(out, k->text);
			fputs("</li>\n", out);
			break;
		case BLOCK_SIGN: {
			const char *tab = strchr(k->text, '\t');
			char *name = strndup(k->text, tab ? (size_t)(tab - k->text) : strlen(k->text));
			fputs("<div class=\"sign\"><span class=\"who\">", out);
			layout_html_escape(out, name ? name : "");
			if (tab && tab[1]) {
				fputs(" <small>(", out);
				layout_html_escape(out, tab + 1);
				fputs(")</small>", out);
			}
			fputs("</span><span class=\"line\"></span></div>\n", out);
			free(name);
			break;
		}
		case BLOCK_PAGE:
			fputs("<div class=\"break\"></div>\n", out);
			break;
		}
	}
	if (in_list)
		fputs("</ul>\n", out);
}
