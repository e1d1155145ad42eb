/* UTF-8 decoding and encoding (RFC 3629). */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "bitim/utf8.h"

size_t utf8_decode(const char *s, size_t len_bytes, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t need;
	uint32_t c, min;

	if (len_bytes == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	} else if ((u[0] & 0xE0) == 0xC0) {
		need = 2; c = u[0] & 0x1F; min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		need = 3; c = u[0] & 0x0F; min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		need = 4; c = u[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (len_bytes < need)
		return 0;
	for (size_t i = 1; i < need; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return need;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			return 0;
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	} else if (cp <= 0x10FFFF) {
		o[0] = (unsigned char)(0xF0 | (cp >> 18));
		o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[3] = (unsigned char)(0x80 | (cp & 0x3F));
		return 4;
	}
	return 0;
}

bool utf8_valid(const char *s, size_t len_bytes)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len_bytes) {
		size_t n;
		/* Most of a form or a CSV file is ASCII: those bytes need no decoding. */
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8_decode(s + i, len_bytes - i, &cp);
		if (n == 0)
			return false;
		i += n;
	}
	return true;
}

size_t utf8_len_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

int utf8_width(const char *s, size_t len_bytes)
{
	size_t i = 0;
	int cols = 0;
	uint32_t cp;

	while (i < len_bytes) {
		size_t n = utf8_decode(s + i, len_bytes - i, &cp);
		int w = n ? wcwidth((wchar_t)cp) : 1;
		cols += w < 0 ? 1 : w;
		i += n ? n : 1;
	}
	return cols;
}

char *utf8_escape_controls(const char *s)
{
	size_t len = s ? strlen(s) : 0;
	char *out = malloc(len * 4 + 1), *o = out;

	if (!out)
		return NULL;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0 || cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
			/* A byte that is not text, or a control character: shown, never obeyed. */
			unsigned char c = (unsigned char)s[i];
			if (n == 0 || cp < 0x80)
				o += sprintf(o, c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : "\\x%02x", c);
			else
				o += sprintf(o, "\\u%04x", (unsigned)cp);
			i += n ? n : 1;
			continue;
		}
		memcpy(o, s + i, n);
		o += n;
		i += n;
	}
	*o = '\0';
	return out;
}
