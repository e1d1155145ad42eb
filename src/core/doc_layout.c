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
/* A bilingual text: two columns of this width with a gap of two. */
#define COL_WIDTH ((DOC_WIDTH - 2) / 2)
/* The last clause stays whole on the page of the signatures up to this many
 * lines; a longer one may break, but leaves at least LAST_CLAUSE_LINES on
 * each side of the break. */
#define LAST_CLAUSE_WHOLE 8
#define LAST_CLAUSE_LINES 3

/* Laid-out lines, each saying whether the page may break after it. */
struct lines {
	char **text; /* owned, each owned */
	bool *keep;  /* keep[i]: line i stays on the page of line i + 1 */
	size_t count;
};

static void lines_free(struct lines *L)
{
	for (size_t i = 0; i < L->count; i++)
		free(L->text[i]);
	free(L->text);
	free(L->keep);
	memset(L, 0, sizeof *L);
}

/* Append a line (text taken over; NULL is an error). */
static int lines_add(struct lines *L, char *text, bool keep)
{
	char **t;
	bool *k;

	if (!text)
		return -1;
	t = realloc(L->text, (L->count + 1) * sizeof *t);
	if (t)
		L->text = t;
	k = t ? realloc(L->keep, (L->count + 1) * sizeof *k) : NULL;
	if (!k) {
		free(text);
		return -1;
	}
	L->keep = k;
	L->text[L->count] = text;
	L->keep[L->count++] = keep;
	return 0;
}

/* Wrap text to width columns into L: the first line starts with lead, the
 * others with rest columns of blanks; "\n" in the text breaks a line. Words
 * stay whole where they fit; a group of digits (a phone number) too. */
static int wrap(struct lines *L, const char *text, int width, const char *lead, int rest, bool keep)
{
	const char *line = text;
	bool first = true;

	do {
		size_t hard = strcspn(line, "\n");
		const char *p = line, *end = line + hard;
		do {
			int indent = first ? utf8_width(lead, strlen(lead)) : rest;
			const char *brk = NULL, *q = p;
			int cols = 0;
			uint32_t cp;
			while (q < end) {
				size_t n = utf8_decode(q, (size_t)(end - q), &cp);
				int w = utf8_width(q, n ? n : 1);
				if (cols + w > width - indent && q > p)
					break;
				if (cp == ' ' && !(q > p && isdigit((unsigned char)q[-1]) && q + 1 < end &&
						   isdigit((unsigned char)q[1])))
					brk = q;
				cols += w;
				q += n ? n : 1;
			}
			if (q < end && brk && brk > p)
				q = brk; /* break at the last blank: words stay whole */
			char *out = NULL;
			if (first ? asprintf(&out, "%s%.*s", lead, (int)(q - p), p) < 0
				  : asprintf(&out, "%*s%.*s", rest, "", (int)(q - p), p) < 0)
				out = NULL;
			if (lines_add(L, out, keep) < 0)
				return -1;
			first = false;
			p = q;
			while (p < end && *p == ' ')
				p++;
		} while (p < end);
		line = *end ? end + 1 : end;
	} while (*line);
	return 0;
}

/* Wrap text and centre each line. */
static int centre(struct lines *L, const char *text)
{
	size_t from = L->count;

	if (wrap(L, text, DOC_WIDTH, "", 0, true) < 0)
		return -1;
	for (size_t i = from; i < L->count; i++) {
		int w = utf8_width(L->text[i], strlen(L->text[i]));
		char *c = NULL;
		if (w < DOC_WIDTH && asprintf(&c, "%*s%s", (DOC_WIDTH - w) / 2, "", L->text[i]) >= 0) {
			free(L->text[i]);
			L->text[i] = c;
		}
	}
	return 0;
}

/* A signature line: the name (and role) at the left, wrapped if long, the
 * line to sign on at the right. The roles of a bilingual paper are "kk / ru". */
static int sign_line(struct lines *L, const char *a, const char *b)
{
	const char *tab = strchr(a, '\t'), *tab_b = b ? strchr(b, '\t') : NULL;
	int name_len = tab ? (int)(tab - a) : (int)strlen(a);
	char *who = NULL, *rule = NULL, *last;
	const char *role = tab && tab[1] ? tab + 1 : NULL, *role_b = tab_b && tab_b[1] ? tab_b + 1 : NULL;
	int rc = -1;

	if (role && role_b && strcmp(role, role_b) != 0)
		rc = asprintf(&who, "%.*s (%s / %s)", name_len, a, role, role_b);
	else if (role)
		rc = asprintf(&who, "%.*s (%s)", name_len, a, role);
	else
		rc = asprintf(&who, "%.*s", name_len, a);
	if (rc < 0 || !(rule = malloc(DOC_WIDTH - SIGN_NAME_COLS - 2 + 1)))
		goto out;
	memset(rule, '_', DOC_WIDTH - SIGN_NAME_COLS - 2);
	rule[DOC_WIDTH - SIGN_NAME_COLS - 2] = '\0';
	rc = -1;
	if (lines_add(L, strdup(""), true) < 0)
		goto out;
	int w = utf8_width(who, strlen(who));
	if (w <= SIGN_NAME_COLS) {
		if (lines_add(L, asprintf(&last, "%s%*s%s", who, SIGN_NAME_COLS - w + 2, "", rule) < 0 ? NULL : last, true) < 0)
			goto out;
	} else if (wrap(L, who, SIGN_NAME_COLS, "", 0, true) < 0 ||
		   lines_add(L, asprintf(&last, "%*s%s", SIGN_NAME_COLS + 2, "", rule) < 0 ? NULL : last, true) < 0) {
		goto out;
	}
	rc = 0;
out:
	free(who);
	free(rule);
	return rc;
}

/* Whether every word of the blocks fits a column: then a bilingual text is
 * laid out in two columns. */
static bool columns_fit(const struct blocks *b)
{
	for (size_t i = 0; i < b->count; i++) {
		const char *t = b->items[i].text;
		enum block_kind k = b->items[i].kind;
		if (!t || k == BLOCK_TITLE || k == BLOCK_SIGN)
			continue;
		while (*t) {
			size_t n = strcspn(t, " \n");
			if (utf8_width(t, n) > COL_WIDTH - 2)
				return false;
			t += n;
			t += *t != '\0';
		}
	}
	return true;
}

/* Two columns side by side: the kk lines at the left, the ru at the right. */
static int zip(struct lines *L, struct lines *left, struct lines *right, bool keep)
{
	size_t n = left->count > right->count ? left->count : right->count;

	for (size_t i = 0; i < n; i++) {
		const char *l = i < left->count ? left->text[i] : "";
		const char *r = i < right->count ? right->text[i] : "";
		int w = utf8_width(l, strlen(l));
		char *line = NULL;
		if (*r ? asprintf(&line, "%s%*s%s", l, COL_WIDTH + 2 - w, "", r) < 0 : !(line = strdup(l)))
			line = NULL;
		if (lines_add(L, line, keep) < 0)
			return -1;
	}
	return 0;
}

/* One block's text (a heading, paragraph or item) into L, in a column of
 * width, items led by a dash. */
static int block_text(struct lines *L, const struct block *k, int width, bool keep)
{
	if (k->kind == BLOCK_ITEM)
		return wrap(L, k->text, width, "  - ", 4, keep);
	return wrap(L, k->text, width, "", 0, keep);
}

/* A row: a block of a single-language text, or its kk and ru pair. */
static int row_text(struct lines *L, const struct block *a, const struct block *b, bool cols, bool keep)
{
	struct lines left = { 0 }, right = { 0 };
	int rc;

	if (!b)
		return block_text(L, a, DOC_WIDTH, keep);
	if (!cols) {
		/* kk then ru, a blank line apart, as one clause */
		if (block_text(L, a, DOC_WIDTH, true) < 0 || lines_add(L, strdup(""), true) < 0)
			return -1;
		return block_text(L, b, DOC_WIDTH, keep);
	}
	rc = block_text(&left, a, COL_WIDTH, keep) < 0 || block_text(&right, b, COL_WIDTH, keep) < 0 ? -1
		: zip(L, &left, &right, keep);
	lines_free(&left);
	lines_free(&right);
	return rc;
}

/* Which blocks must stay on the page of the next one: a heading (with its
 * first line), every signature but the last of a run, and the last clause
 * before the signatures (with the headings between). */
static bool *keep_with_next(const struct blocks *b)
{
	bool *keep = calloc(b->count + 1, sizeof *keep);

	if (!keep)
		return NULL;
	for (size_t i = 0; i < b->count; i++) {
		enum block_kind k = b->items[i].kind;
		if (k == BLOCK_HEADING || k == BLOCK_TITLE)
			keep[i] = true;
		if (k == BLOCK_SIGN && i + 1 < b->count && b->items[i + 1].kind == BLOCK_SIGN)
			keep[i] = true;
		if (k == BLOCK_SIGN && (i == 0 || b->items[i - 1].kind != BLOCK_SIGN)) {
			size_t j = i;
			while (j > 0 && b->items[j - 1].kind == BLOCK_HEADING)
				keep[--j] = true;
			if (j > 0 && b->items[j - 1].kind != BLOCK_PAGE)
				keep[j - 1] = true;
		}
	}
	return keep;
}

/* Lay out the blocks (and their ru pair in b) as lines that know where a
 * page may break. */
static int lay_out(struct lines *L, const struct blocks *a, const struct blocks *b)
{
	bool *keep = keep_with_next(a);
	bool cols = b && columns_fit(a) && columns_fit(b);
	int rc = -1;

	if (!keep)
		return -1;
	for (size_t i = 0; i < a->count; i++) {
		const struct block *k = &a->items[i], *kb = b ? &b->items[i] : NULL;
		enum block_kind prev = i ? a->items[i - 1].kind : BLOCK_PAGE;
		size_t from = L->count;
		int r = 0;
		switch (k->kind) {
		case BLOCK_TITLE:
			if (prev != BLOCK_PAGE && prev != BLOCK_TITLE)
				r = lines_add(L, strdup(""), true);
			if (r == 0)
				r = centre(L, k->text);
			if (r == 0 && kb && strcmp(kb->text, k->text) != 0)
				r = centre(L, kb->text);
			break;
		case BLOCK_HEADING:
		case BLOCK_PARA:
			r = lines_add(L, strdup(""), true);
			if (r == 0)
				r = row_text(L, k, kb, cols, keep[i]);
			break;
		case BLOCK_ITEM:
			if (prev != BLOCK_ITEM)
				r = lines_add(L, strdup(""), true);
			if (r == 0)
				r = row_text(L, k, kb, cols, keep[i]);
			break;
		case BLOCK_SIGN:
			r = sign_line(L, k->text, kb ? kb->text : NULL);
			break;
		case BLOCK_PAGE:
			r = lines_add(L, strdup("\f"), false);
			break;
		}
		if (r < 0)
			goto out;
		/* The last clause before the signatures keeps its last lines with them. */
		if (keep[i] && k->kind != BLOCK_HEADING && k->kind != BLOCK_TITLE && k->kind != BLOCK_SIGN &&
		    L->count - from > LAST_CLAUSE_WHOLE)
			for (size_t j = from; j < L->count; j++)
				/* the blank line before it and its first lines hold together too */
				L->keep[j] = j + LAST_CLAUSE_LINES >= L->count || j < from + LAST_CLAUSE_LINES;
		if (L->count > from)
			L->keep[L->count - 1] = keep[i];
	}
	rc = 0;
out:
	free(keep);
	return rc;
}

/* The lines as a body with its page breaks ("\f" lines) placed so that no
 * page breaks where a line asks to be kept with the next; a run longer than
 * a page breaks where the page is full. Blank lines at the top of a page go. */
static char *paginate(const struct lines *L)
{
	const size_t room = DOC_PAGE_LINES - 2; /* a blank line and the footer */
	char *text = NULL;
	size_t len = 0, used = 0, top = 0; /* lines on this page; how many of them the break took */
	FILE *out = open_memstream(&text, &len);

	if (!out)
		return NULL;
	for (size_t i = 0; i < L->count;) {
		if (strcmp(L->text[i], "\f") == 0) {
			fputs("\f\n", out);
			used = top = 1;
			i++;
			continue;
		}
		size_t j = i;
		while (L->keep[j] && j + 1 < L->count && strcmp(L->text[j + 1], "\f") != 0)
			j++;
		size_t size = j - i + 1;
		if (used + size > room && used > top) {
			fputs("\f\n", out);
			used = top = 1;
			while (i < L->count && L->text[i][0] == '\0')
				i++;
			continue;
		}
		for (; i <= j; i++) {
			if (used == room) { /* a run longer than a page */
				fputs("\f\n", out);
				used = top = 1;
			}
			fputs(L->text[i], out);
			fputc('\n', out);
			used++;
		}
	}
	fclose(out);
	return text;
}

char *layout_text_body(const struct blocks *a, const struct blocks *b)
{
	struct lines L = { 0 };
	char *text = NULL;

	if (lay_out(&L, a, b) == 0)
		text = paginate(&L);
	lines_free(&L);
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

/* The signature: the name (and role, "kk / ru" in a bilingual paper) and a line. */
static void html_sign(FILE *out, const char *a, const char *b)
{
	const char *tab = strchr(a, '\t'), *tab_b = b ? strchr(b, '\t') : NULL;
	char *name = strndup(a, tab ? (size_t)(tab - a) : strlen(a));

	fputs("<div class=\"sign\"><span class=\"who\">", out);
	layout_html_escape(out, name ? name : "");
	free(name);
	if (tab && tab[1]) {
		fputs(" <small>(", out);
		layout_html_escape(out, tab + 1);
		if (tab_b && tab_b[1] && strcmp(tab + 1, tab_b + 1) != 0) {
			fputs(" / ", out);
			layout_html_escape(out, tab_b + 1);
		}
		fputs(")</small>", out);
	}
	fputs("</span><span class=\"line\"></span></div>\n", out);
}

/* A block as HTML; an item is a paragraph with a dash. */
static void html_block(FILE *out, const struct block *k)
{
	static const char *const open[] = { "<h1>", "<h2>", "<p>", "<p class=\"li\">", "", "" };
	static const char *const close[] = { "</h1>\n", "</h2>\n", "</p>\n", "</p>\n", "", "" };

	fputs(open[k->kind], out);
	if (k->kind == BLOCK_ITEM)
		fputs("– ", out);
	layout_html_escape(out, k->text ? k->text : "");
	fputs(close[k->kind], out);
}

void layout_html_blocks(FILE *out, const struct blocks *a, const struct blocks *b)
{
	bool *keep = keep_with_next(a);
	bool in_keep = false, in_table = false;

	if (!keep)
		return;
	for (size_t i = 0; i < a->count; i++) {
		const struct block *k = &a->items[i], *kb = b ? &b->items[i] : NULL;
		/* What must not be parted stays in one unbreakable group. */
		if (!in_keep && keep[i]) {
			if (in_table)
				fputs("</table>\n", out);
			in_table = false;
			fputs("<div class=\"keep\">\n", out);
			in_keep = true;
		}
		if (k->kind == BLOCK_SIGN) {
			if (in_table)
				fputs("</table>\n", out);
			in_table = false;
			html_sign(out, k->text, kb ? kb->text : NULL);
		} else if (k->kind == BLOCK_PAGE) {
			if (in_table)
				fputs("</table>\n", out);
			in_table = false;
			fputs("<div class=\"break\"></div>\n", out);
		} else if (!kb) {
			html_block(out, k);
		} else {
			/* one clause a row: kk at the left, ru at the right */
			if (!in_table)
				fputs("<table class=\"bi\">\n", out);
			in_table = true;
			if (k->kind == BLOCK_TITLE && strcmp(k->text, kb->text) == 0) {
				fputs("<tr><td colspan=\"2\">", out);
				html_block(out, k);
			} else {
				fputs("<tr><td lang=\"kk\">", out);
				html_block(out, k);
				fputs("</td><td lang=\"ru\">", out);
				html_block(out, kb);
			}
			fputs("</td></tr>\n", out);
		}
		if (in_keep && !keep[i]) {
			if (in_table)
				fputs("</table>\n", out);
			in_table = false;
			fputs("</div>\n", out);
			in_keep = false;
		}
	}
	if (in_table)
		fputs("</table>\n", out);
	if (in_keep)
		fputs("</div>\n", out);
	free(keep);
}
