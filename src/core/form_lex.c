/* Splitting definition files (procedure.def, choices.def, the .form files) into tokens. */
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/i18n.h"
#include "bitim/utf8.h"
#include "form_lex.h"

/* Definition files are small; anything larger is not one. */
#define LEX_MAX_FILE (1024 * 1024)

static char *read_whole(const char *path, size_t *len, const char **err)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t n;

	if (!fp) {
		*err = errno == ENOENT ? N_("The file does not exist") : N_("The file cannot be read");
		return NULL;
	}
	buf = malloc(LEX_MAX_FILE + 1);
	if (!buf) {
		*err = N_("Out of memory");
		goto out;
	}
	n = fread(buf, 1, LEX_MAX_FILE + 1, fp);
	if (ferror(fp)) {
		*err = N_("The file cannot be read");
		free(buf);
		buf = NULL;
	} else if (n > LEX_MAX_FILE) {
		*err = N_("The file is too large to be a definition file (over 1 MiB)");
		free(buf);
		buf = NULL;
	} else {
		buf[n] = '\0';
		*len = n;
	}
out:
	fclose(fp);
	return buf;
}

/* Copy a quoted text starting after its opening quote; *p ends past the closing one. */
static char *read_quoted(char **p, const char **err)
{
	char *s = *p, *out, *value = malloc(strlen(s) + 1);

	if (!value) {
		*err = N_("Out of memory");
		return NULL;
	}
	for (out = value; *s && *s != '"'; s++) {
		if (*s == '\\' && s[1] == 'n') {
			s++;
			*out++ = '\n';
			continue;
		}
		if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
			s++;
		*out++ = *s;
	}
	*out = '\0';
	if (*s != '"') {
		*err = N_("A quoted text is not closed with '\"'");
		free(value);
		return NULL;
	}
	*p = s + 1;
	return value;
}

/* Copy a bare word up to a blank; a quote inside it is an error. */
static char *read_bare(char **p, const char **err)
{
	char *s = *p, *start = s;

	while (*s && *s != ' ' && *s != '\t') {
		if (*s == '"') {
			*err = N_("A quote '\"' in the middle of a word; put the whole text in quotes");
			return NULL;
		}
		s++;
	}
	*p = s;
	return strndup(start, (size_t)(s - start));
}

/* Whether the text before an '=' names a key (and is not an operator like "!=" or "<="). */
static bool is_key(const char *start, const char *eq)
{
	if (eq == start)
		return false;
	for (const char *c = start; c < eq; c++)
		if (*c == '!' || *c == '<' || *c == '>' || *c == '"')
			return false;
	return true;
}

/* Read one token at *p (past blanks). Returns 1 on a token, 0 at the end, -1 on error. */
static int next_token(char **p, struct token *t, const char **err)
{
	char *s = *p, *eq;

	while (*s == ' ' || *s == '\t')
		s++;
	*p = s;
	if (*s == '\0' || *s == '#')
		return 0;
	memset(t, 0, sizeof *t);
	eq = s + strcspn(s, " \t=\"");
	if (*eq == '=' && is_key(s, eq)) {
		t->key = strndup(s, (size_t)(eq - s));
		s = eq + 1;
		if (!t->key || *s == ' ' || *s == '\t' || *s == '\0') {
			*err = N_("A value is missing after '='");
			free(t->key);
			return -1;
		}
	}
	if (*s == '"') {
		s++;
		t->value = read_quoted(&s, err);
		t->quoted = true;
	} else {
		t->value = read_bare(&s, err);
	}
	if (!t->value) {
		if (!*err)
			*err = N_("Out of memory");
		free(t->key);
		return -1;
	}
	*p = s;
	return 1;
}

static int add_token(struct logical_line *ll, struct token *t)
{
	struct token *grown = realloc(ll->tokens, (ll->ntokens + 1) * sizeof *grown);
	if (!grown)
		return -1;
	ll->tokens = grown;
	ll->tokens[ll->ntokens++] = *t;
	return 0;
}

static void free_line(struct logical_line *ll)
{
	for (size_t i = 0; i < ll->ntokens; i++) {
		free(ll->tokens[i].key);
		free(ll->tokens[i].value);
	}
	free(ll->tokens);
}

/* Tokenize one physical line's text into ll. */
static int lex_text(char *text, struct logical_line *ll, const char **err)
{
	struct token t;
	int r;

	while ((r = next_token(&text, &t, err)) == 1) {
		if (add_token(ll, &t) < 0) {
			free(t.key);
			free(t.value);
			*err = N_("Out of memory");
			return -1;
		}
	}
	return r;
}

static int push_line(struct lexed_file *f, struct logical_line *ll)
{
	struct logical_line *grown;

	if (ll->ntokens == 0) {
		free_line(ll);
		return 0;
	}
	grown = realloc(f->lines, (f->nlines + 1) * sizeof *grown);
	if (!grown) {
		free_line(ll);
		return -1;
	}
	f->lines = grown;
	f->lines[f->nlines++] = *ll;
	return 0;
}

int lex_file(const char *path, struct lexed_file *out, const char **err, int *err_line)
{
	size_t len = 0;
	char *buf, *line, *next;
	int lineno = 0, rc = 0;
	struct logical_line cur = { 0 };
	bool continuing = false;

	memset(out, 0, sizeof *out);
	*err = NULL;
	*err_line = 0;
	buf = read_whole(path, &len, err);
	if (!buf)
		return -1;
	if (!utf8_valid(buf, len) || memchr(buf, '\0', len)) {
		*err = N_("The file is not valid UTF-8 text");
		free(buf);
		return -1;
	}
	for (line = buf; line && *line; line = next) {
		size_t n;
		bool cont;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		n = strlen(line);
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		cont = n && line[n - 1] == '\\';
		if (cont)
			line[--n] = '\0';
		if (!continuing)
			cur = (struct logical_line){ .line = lineno };
		if (lex_text(line, &cur, err) < 0) {
			*err_line = lineno;
			free_line(&cur);
			rc = -1;
			break;
		}
		continuing = cont;
		if (!continuing && push_line(out, &cur) < 0) {
			*err = N_("Out of memory");
			rc = -1;
			break;
		}
	}
	if (rc == 0 && continuing && push_line(out, &cur) < 0) {
		*err = N_("Out of memory");
		rc = -1;
	}
	free(buf);
	if (rc < 0)
		lex_free(out);
	return rc;
}

void lex_free(struct lexed_file *f)
{
	for (size_t i = 0; i < f->nlines; i++)
		free_line(&f->lines[i]);
	free(f->lines);
	f->lines = NULL;
	f->nlines = 0;
}
