/* Search keys: one Latin skeleton for Kazakh, Russian and Latin spellings. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/search.h"
#include "bitim/utf8.h"

/* Each Cyrillic letter (lowercase, U+0430..U+045F) as the skeleton spells it.
 * Kazakh letters fold to their Russian neighbours (қ→k like к), so Қайрат and
 * Кайрат meet; soft and hard signs vanish. */
static const char *const cyrillic[32] = {
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sh", "", "i", "", "e", "iu", "ia",
};
static const char *const cyrillic_ext[0x10] = { /* U+0450..U+045F */
	"e", "e", "", "g", "e", "", "i", "i", "", "", "", "", "", "", "u", "",
};

/* Kazakh letters of the Cyrillic Supplement, lowercase code points. */
static const struct { uint32_t cp; const char *fold; } kazakh[] = {
	{ 0x04D9, "a" }, /* ә */ { 0x0493, "g" }, /* ғ */ { 0x049B, "k" }, /* қ */
	{ 0x04A3, "n" }, /* ң */ { 0x04E9, "o" }, /* ө */ { 0x04B1, "u" }, /* ұ */
	{ 0x04AF, "u" }, /* ү */ { 0x04BB, "h" }, /* һ */
	/* Latin letters of the Kazakh alphabets of 2017-2021, and accents */
	{ 0x00E4, "a" }, { 0x00E1, "a" }, { 0x00F6, "o" }, { 0x00F3, "o" }, { 0x00FC, "u" },
	{ 0x00FA, "u" }, { 0x016B, "u" }, { 0x011F, "g" }, { 0x01F5, "g" }, { 0x00F1, "n" },
	{ 0x0144, "n" }, { 0x015F, "sh" }, { 0x00E7, "ch" }, { 0x0131, "i" }, { 0x00ED, "i" },
	{ 0x00FD, "i" }, { 0x00E9, "e" },
};

/* Lowercase for the scripts a Kazakh office meets. */
static uint32_t to_lower(uint32_t cp)
{
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
		return cp + 0x20;
	if (cp >= 0x0410 && cp <= 0x042F)
		return cp + 0x20;
	if (cp >= 0x0400 && cp <= 0x040F)
		return cp + 0x50;
	if (cp == 0x0130)
		return 'i'; /* İ */
	/* Cyrillic Supplement and most of Latin Extended-A pair upper/lower as
	 * even/odd; two stretches of Latin Extended-A pair odd/even. */
	if ((cp >= 0x0139 && cp <= 0x0148) || (cp >= 0x0179 && cp <= 0x017E))
		return cp % 2 ? cp + 1 : cp;
	if (((cp >= 0x0460 && cp <= 0x04BF) || (cp >= 0x04D0 && cp <= 0x04FF) ||
	     (cp >= 0x0100 && cp <= 0x0137) || (cp >= 0x014A && cp <= 0x0177)) && cp % 2 == 0)
		return cp + 1;
	return cp;
}

/* The skeleton of one lowercase code point; NULL keeps it as it is. */
static const char *fold_letter(uint32_t cp)
{
	static const char *const latin[26] = {
		"a", "b", "c", "d", "e", "f", "g", "h", "i", "zh", "k", "l", "m",
		"n", "o", "p", "k", "r", "s", "t", "u", "v", "u", "ks", "i", "z",
	};
	if (cp >= 'a' && cp <= 'z')
		return latin[cp - 'a'];
	if (cp >= 0x0430 && cp <= 0x044F)
		return cyrillic[cp - 0x0430];
	if (cp >= 0x0450 && cp <= 0x045F)
		return cyrillic_ext[cp - 0x0450];
	for (size_t i = 0; i < sizeof kazakh / sizeof kazakh[0]; i++)
		if (kazakh[i].cp == cp)
			return kazakh[i].fold;
	return NULL;
}

static bool is_word_char(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || cp == '-';
	/* Letters of Latin, Greek, Cyrillic and later scripts; not the
	 * punctuation, symbols and arrows of U+2000..U+2E7F (— « » №). */
	return (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp < 0x2000) || cp >= 0x2E80;
}

/* Latin digraphs typed for one Cyrillic letter: kh → h (х). */
static size_t latin_digraph(const char *s, const char **fold)
{
	if ((s[0] == 'k' || s[0] == 'K') && (s[1] == 'h' || s[1] == 'H')) {
		*fold = "h";
		return 2;
	}
	return 0;
}

char *search_fold(const char *text)
{
	size_t len = strlen(text), i = 0, o = 0;
	char *out = malloc(len * 2 + 1); /* no letter folds to more than twice its bytes */
	bool space = true;               /* at the start of a word */

	if (!out)
		return NULL;
	while (i < len) {
		const char *fold = NULL;
		uint32_t cp;
		size_t n = latin_digraph(text + i, &fold);

		if (n == 0) {
			n = utf8_decode(text + i, len - i, &cp);
			if (n == 0) { /* invalid byte: skip it */
				i++;
				continue;
			}
			cp = to_lower(cp);
			if (cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x02B9)
				fold = ""; /* apostrophes of the 2018 Latin alphabet */
			else if (!is_word_char(cp)) {
				if (!space && o > 0)
					out[o++] = ' ';
				space = true;
				i += n;
				continue;
			} else if (!(fold = fold_letter(cp))) {
				/* digits, '-' and letters of other scripts stay */
				o += utf8_encode(cp, out + o);
				space = false;
				i += n;
				continue;
			}
		}
		/* "ye" at the start of a word is typed for Е (Yerlan, Ерлан). */
		if (space && strcmp(fold, "i") == 0 && (text[i + n] == 'e' || text[i + n] == 'E'))
			fold = "";
		/* A doubled letter counts once: transliterations differ there
		 * (Сейітов "seiitov" / Seitov, Жанна / Zhana). Digits stay. */
		for (const char *f = fold; *f; f++)
			if (o == 0 || out[o - 1] != *f || !(*f >= 'a' && *f <= 'z'))
				out[o++] = *f;
		space = space && !*fold;
		i += n;
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return out;
}
