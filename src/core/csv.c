/* CSV writing and reading (RFC 4180), converted line by line with iconv. */
#include <config.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/csv.h"
#include "bitim/i18n.h"
#include "bitim/utf8.h"

static const char *const encoding_names[CSV_ENCODING_COUNT] = { "utf-8", "utf-8-bom", "cp1251", "kz1048" };

const char *csv_encoding_name(enum csv_encoding e)
{
	return (unsigned)e < CSV_ENCODING_COUNT ? encoding_names[e] : "?";
}

int csv_encoding_from_name(const char *name)
{
	for (int i = 0; i < CSV_ENCODING_COUNT; i++)
		if (name && strcasecmp(name, encoding_names[i]) == 0)
			return i;
	return -1;
}

/* An iconv descriptor between UTF-8 and a legacy encoding. KZ-1048 has
 * several names: glibc knows RK1048, GNU libiconv KZ-1048. */
static iconv_t open_legacy(enum csv_encoding e, bool to_legacy)
{
	static const char *const kz[] = { "RK1048", "KZ-1048", "STRK1048-2002", NULL };
	static const char *const cp[] = { "CP1251", "WINDOWS-1251", NULL };
	const char *const *names = e == CSV_KZ1048 ? kz : cp;

	for (; *names; names++) {
		iconv_t cd = to_legacy ? iconv_open(*names, "UTF-8") : iconv_open("UTF-8", *names);
		if (cd != (iconv_t)-1)
			return cd;
	}
	return (iconv_t)-1;
}

/* Convert all of in; false when a character has no place in the target. */
static bool convert(iconv_t cd, const char *in, size_t len, char **out, size_t *out_len)
{
	size_t cap = len * 4 + 16, left_in = len, left_out = cap;
	char *buf = malloc(cap), *src = (char *)in, *dst = buf;

	if (!buf)
		return false;
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &src, &left_in, &dst, &left_out) == (size_t)-1) {
		free(buf);
		return false;
	}
	*out = buf;
	*out_len = cap - left_out;
	return true;
}

/* ---------------------------------------------------------------- write */

struct csv_writer {
	FILE *out;                 /* borrowed */
	enum csv_encoding enc;
	char delimiter;
	bool translit;
	bool started;              /* the BOM is written before the first record */
	iconv_t cd;                /* to the legacy encoding, or (iconv_t)-1 */
	char special[5];           /* characters that make a field need quotes */
	char *line;                /* the record being built; owned */
	size_t len, cap;
	char *conv;                /* the record converted; owned */
	size_t conv_cap;
};

enum bitim_status csv_writer_new(FILE *out, enum csv_encoding enc, char delimiter, bool translit,
				 struct csv_writer **w)
{
	struct csv_writer *nw = calloc(1, sizeof *nw);

	*w = NULL;
	if (!nw)
		return BITIM_ERR_NOMEM;
	nw->out = out;
	nw->enc = enc;
	nw->delimiter = delimiter;
	nw->translit = translit;
	nw->cd = (iconv_t)-1;
	snprintf(nw->special, sizeof nw->special, "\"\r\n%c", delimiter);
	if (enc == CSV_CP1251 || enc == CSV_KZ1048) {
		nw->cd = open_legacy(enc, true);
		if (nw->cd == (iconv_t)-1) {
			free(nw);
			return BITIM_ERR_INVALID;
		}
	}
	*w = nw;
	return BITIM_OK;
}

void csv_writer_free(struct csv_writer *w)
{
	if (!w)
		return;
	if (w->cd != (iconv_t)-1)
		iconv_close(w->cd);
	free(w->line);
	free(w->conv);
	free(w);
}

/* Kazakh letters as the Russian letters they are usually replaced with. */
static const char *kazakh_fallback(uint32_t cp)
{
	static const struct { uint32_t cp; const char *to; } map[] = {
		{ 0x04D8, "А" }, { 0x04D9, "а" }, { 0x0492, "Г" }, { 0x0493, "г" }, { 0x049A, "К" }, { 0x049B, "к" },
		{ 0x04A2, "Н" }, { 0x04A3, "н" }, { 0x04E8, "О" }, { 0x04E9, "о" }, { 0x04B0, "У" }, { 0x04B1, "у" },
		{ 0x04AE, "У" }, { 0x04AF, "у" }, { 0x04BA, "Х" }, { 0x04BB, "х" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].cp == cp)
			return map[i].to;
	return NULL;
}

/* The field with Kazakh letters replaced (malloc'd). */
static char *transliterate(const char *s)
{
	size_t len = strlen(s), i = 0, o = 0;
	char *out = malloc(len * 2 + 1);
	uint32_t cp;

	if (!out)
		return NULL;
	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		const char *to = n ? kazakh_fallback(cp) : NULL;
		if (to) {
			memcpy(out + o, to, strlen(to));
			o += strlen(to);
		} else {
			memcpy(out + o, s + i, n ? n : 1);
			o += n ? n : 1;
		}
		i += n ? n : 1;
	}
	out[o] = '\0';
	return out;
}

static bool formula_start(char c)
{
	/* CR and LF too: a spreadsheet drops them and reads the formula after. */
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
}

/* Room for n more bytes in the record buffer. */
static bool reserve(struct csv_writer *w, size_t n)
{
	if (w->len + n <= w->cap)
		return true;
	size_t cap = w->cap ? w->cap : 1024;
	while (cap < w->len + n)
		cap *= 2;
	char *grown = realloc(w->line, cap);
	if (!grown)
		return false;
	w->line = grown;
	w->cap = cap;
	return true;
}

/* One field, quoted as RFC 4180 says and neutralised against formulas: a
 * leading apostrophe before = + - @ tab (and before an apostrophe that
 * precedes one, so csv_unneutralise can undo exactly what was done). */
static bool put_field(struct csv_writer *w, const char *s)
{
	size_t len = strlen(s);
	bool formula = formula_start(*s) || (*s == '\'' && (formula_start(s[1]) || s[1] == '\''));
	bool quote;

	/* A number such as -5 would be changed by the apostrophe: keep numbers as they are. */
	if (formula && *s == '-' && s[1] && strspn(s + 1, "0123456789.") == len - 1)
		formula = false;
	quote = formula || s[strcspn(s, w->special)] || (len && (s[0] == ' ' || s[len - 1] == ' '));
	if (!reserve(w, len * 2 + 3))
		return false;
	if (!quote) {
		memcpy(w->line + w->len, s, len);
		w->len += len;
		return true;
	}
	w->line[w->len++] = '"';
	if (formula)
		w->line[w->len++] = '\'';
	for (const char *c = s; *c; c++) {
		if (*c == '"')
			w->line[w->len++] = '"';
		w->line[w->len++] = *c;
	}
	w->line[w->len++] = '"';
	return true;
}

/* Convert the record into w->conv; false when a character has no place. */
static bool convert_line(struct csv_writer *w, size_t *out_len)
{
	size_t need = w->len * 2 + 16, left_in = w->len, left_out;
	char *src = w->line, *dst;

	if (need > w->conv_cap) {
		char *grown = realloc(w->conv, need);
		if (!grown)
			return false;
		w->conv = grown;
		w->conv_cap = need;
	}
	dst = w->conv;
	left_out = w->conv_cap;
	iconv(w->cd, NULL, NULL, NULL, NULL);
	if (iconv(w->cd, &src, &left_in, &dst, &left_out) == (size_t)-1)
		return false;
	*out_len = w->conv_cap - left_out;
	return true;
}

/* Whether a field can be written in the writer's encoding. */
static bool field_fits(struct csv_writer *w, const char *s)
{
	char *conv;
	size_t n;

	if (!convert(w->cd, s, strlen(s), &conv, &n))
		return false;
	free(conv);
	return true;
}

enum bitim_status csv_write_row(struct csv_writer *w, const char *const *fields, size_t n, size_t *bad_field)
{
	size_t conv_len = 0;

	w->len = 0;
	for (size_t i = 0; i < n; i++) {
		const char *f = fields[i] ? fields[i] : "";
		char *t = w->translit && w->cd != (iconv_t)-1 ? transliterate(f) : NULL;
		bool ok = (i == 0 || reserve(w, 1)) && put_field(w, t ? t : f);
		free(t);
		if (!ok)
			return BITIM_ERR_NOMEM;
		if (i + 1 < n)
			w->line[w->len++] = w->delimiter;
	}
	if (!reserve(w, 2))
		return BITIM_ERR_NOMEM;
	memcpy(w->line + w->len, "\r\n", 2);
	w->len += 2;
	if (w->cd != (iconv_t)-1 && !convert_line(w, &conv_len)) {
		/* Find the field that does not fit, to name it. */
		for (size_t i = 0; i < n; i++) {
			char *t = w->translit ? transliterate(fields[i] ? fields[i] : "") : NULL;
			bool fits = field_fits(w, t ? t : fields[i] ? fields[i] : "");
			free(t);
			if (!fits) {
				*bad_field = i;
				return BITIM_ERR_INVALID;
			}
		}
		*bad_field = 0;
		return BITIM_ERR_INVALID;
	}
	if (!w->started && w->enc == CSV_UTF8_BOM && fputs("\xEF\xBB\xBF", w->out) < 0)
		return BITIM_ERR_IO;
	w->started = true;
	if (w->cd != (iconv_t)-1)
		return fwrite(w->conv, 1, conv_len, w->out) == conv_len ? BITIM_OK : BITIM_ERR_IO;
	return fwrite(w->line, 1, w->len, w->out) == w->len ? BITIM_OK : BITIM_ERR_IO;
}

/* ----------------------------------------------------------------- read */

struct csv_reader {
	char *text;        /* the whole file in UTF-8; owned */
	size_t len, pos;
	char delimiter;
	size_t line;       /* current line */
	size_t record_line;
	const char *error; /* msgid */
	char **fields;     /* the last record; owned */
	size_t nfields;
};

/* Read the whole file; input files are registers of at most some megabytes. */
static char *slurp(FILE *in, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);

	while (buf) {
		size_t got = fread(buf + n, 1, cap - n, in);
		n += got;
		if (n < cap)
			break;
		if (cap >= (size_t)1 << 31) {
			free(buf);
			return NULL;
		}
		char *grown = realloc(buf, cap * 2 + 1);
		if (!grown) {
			free(buf);
			return NULL;
		}
		buf = grown;
		cap *= 2;
	}
	if (buf) {
		buf[n] = '\0';
		*len = n;
	}
	return buf;
}

enum bitim_status csv_reader_new(FILE *in, int enc, char delimiter, struct csv_reader **r)
{
	struct csv_reader *nr = calloc(1, sizeof *nr);
	char *raw;
	size_t len = 0;

	*r = NULL;
	if (!nr || !(raw = slurp(in, &len))) {
		free(nr);
		return BITIM_ERR_NOMEM;
	}
	size_t skip = len >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	if (skip && enc < 0)
		enc = CSV_UTF8_BOM;
	if (enc < 0)
		enc = utf8_valid(raw, len) ? CSV_UTF8 : CSV_KZ1048;
	if (enc == CSV_CP1251 || enc == CSV_KZ1048) {
		iconv_t cd = open_legacy((enum csv_encoding)enc, false);
		bool ok = cd != (iconv_t)-1 && convert(cd, raw, len, &nr->text, &nr->len);
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		free(raw);
		if (!ok) {
			free(nr);
			return BITIM_ERR_INVALID;
		}
		char *z = realloc(nr->text, nr->len + 1);
		if (!z) {
			free(nr->text);
			free(nr);
			return BITIM_ERR_NOMEM;
		}
		nr->text = z;
		nr->text[nr->len] = '\0';
	} else {
		memmove(raw, raw + skip, len - skip + 1);
		nr->text = raw;
		nr->len = len - skip;
	}
	nr->line = 1;
	nr->delimiter = delimiter;
	if (!delimiter) {
		/* The header row decides: the more frequent of ',' and ';'. */
		size_t commas = 0, semis = 0;
		for (size_t i = 0; i < nr->len && nr->text[i] != '\n'; i++) {
			commas += nr->text[i] == ',';
			semis += nr->text[i] == ';';
		}
		nr->delimiter = semis > commas ? ';' : ',';
	}
	*r = nr;
	return BITIM_OK;
}

static void clear_fields(struct csv_reader *r)
{
	for (size_t i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	free(r->fields);
	r->fields = NULL;
	r->nfields = 0;
}

void csv_reader_free(struct csv_reader *r)
{
	if (!r)
		return;
	clear_fields(r);
	free(r->text);
	free(r);
}

size_t csv_reader_line(const struct csv_reader *r) { return r->record_line; }
const char *csv_reader_error(const struct csv_reader *r) { return r->error; }

static int add_field(struct csv_reader *r, const char *start, size_t len, bool unquote)
{
	char **grown, *f;

	if (r->nfields >= CSV_MAX_FIELDS) {
		r->error = N_("The record has too many fields");
		return -1;
	}
	if (len > CSV_MAX_FIELD) {
		r->error = N_("A field is longer than 1 MiB");
		return -1;
	}
	if (memchr(start, '\0', len)) {
		r->error = N_("A field holds a NUL byte, which no text has; the file is damaged or is not a register");
		return -1;
	}
	f = malloc(len + 1);
	grown = realloc(r->fields, (r->nfields + 1) * sizeof *grown);
	if (!f || !grown) {
		free(f);
		if (grown)
			r->fields = grown;
		r->error = N_("Out of memory");
		return -1;
	}
	r->fields = grown;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		f[o++] = start[i];
		if (unquote && start[i] == '"' && i + 1 < len && start[i + 1] == '"')
			i++;
	}
	f[o] = '\0';
	if (!utf8_valid(f, o)) {
		free(f);
		r->error = N_("A field is not valid text in the file's encoding");
		return -1;
	}
	r->fields[r->nfields++] = f;
	return 0;
}

enum bitim_status csv_read_row(struct csv_reader *r, char ***fields, size_t *n)
{
	const char *t = r->text;

	clear_fields(r);
	r->error = NULL;
	r->record_line = r->line;
	if (r->pos >= r->len)
		return BITIM_ERR_NOTFOUND;
	for (;;) {
		size_t start = r->pos;
		if (r->pos < r->len && t[r->pos] == '"') {
			size_t i = ++r->pos, q = i;
			for (;;) {
				if (i >= r->len) {
					r->error = N_("A quoted field is not closed (a '\"' is missing)");
					return BITIM_ERR_INVALID;
				}
				if (t[i] == '"' && i + 1 < r->len && t[i + 1] == '"') {
					i += 2;
					continue;
				}
				if (t[i] == '"')
					break;
				if (t[i] == '\n')
					r->line++;
				i++;
			}
			if (add_field(r, t + q, i - q, true) < 0)
				return BITIM_ERR_INVALID;
			r->pos = i + 1;
			if (r->pos < r->len && t[r->pos] != r->delimiter && t[r->pos] != '\r' && t[r->pos] != '\n') {
				r->error = N_("Text follows a closing quote; a '\"' inside a field must be doubled");
				return BITIM_ERR_INVALID;
			}
		} else {
			while (r->pos < r->len && t[r->pos] != r->delimiter && t[r->pos] != '\n' && t[r->pos] != '\r') {
				if (t[r->pos] == '"') {
					r->error = N_("A '\"' inside an unquoted field");
					return BITIM_ERR_INVALID;
				}
				r->pos++;
			}
			if (add_field(r, t + start, r->pos - start, false) < 0)
				return BITIM_ERR_INVALID;
		}
		if (r->pos < r->len && t[r->pos] == r->delimiter) {
			r->pos++;
			continue;
		}
		if (r->pos < r->len && t[r->pos] == '\r')
			r->pos++;
		if (r->pos < r->len && t[r->pos] == '\n') {
			r->pos++;
			r->line++;
		}
		break;
	}
	*fields = r->fields;
	*n = r->nfields;
	return BITIM_OK;
}

void csv_unneutralise(char *field)
{
	if (field[0] == '\'' && (formula_start(field[1]) || field[1] == '\''))
		memmove(field, field + 1, strlen(field));
}
