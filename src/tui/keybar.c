/* The key bar, laid out from the action table as nano lays out its shortcuts. */
#include <config.h>
#include <stdio.h>
#include "bitim/i18n.h"
#include "draw.h"
#include "keybar.h"

/* An item's keys as shown: "F2 ^O", or only "F2" in a compact bar (the
 * control keys stay listed in F1). */
static const char *shown_keys(const struct action_def *d, bool compact, char *buf, int size)
{
	if (compact && d->fkey) {
		snprintf(buf, (size_t)size, "F%d", d->fkey);
		return buf;
	}
	return action_keys(d, buf, size);
}

/* Width an item needs: its keys, a blank, its label. The next item's keys,
 * in reverse video, set it apart. */
static int natural_width(const struct action_def *d, bool compact)
{
	char keys[32];
	return text_width(shown_keys(d, compact, keys, sizeof keys)) + 1 + text_width(_(d->label));
}

/* Blank columns at least between two items, so none run together. */
#define GAP 2

/* Whether the items fit in two rows of equal columns, each with a gap. */
static bool fits_columns(const struct action_def *const *items, size_t n, int cols, bool compact)
{
	size_t per_row = (n + 1) / 2;
	for (size_t i = 0; i < n; i++) {
		bool last = i % per_row == per_row - 1 || i + 1 == n;
		if (natural_width(items[i], compact) + (last ? 0 : GAP) > cols / (int)per_row)
			return false;
	}
	return true;
}

/* Whether each row fits when items are packed with gap blanks between
 * them (widths differ). */
static bool fits_packed_gap(const struct action_def *const *items, size_t n, int cols, bool compact, int gap)
{
	size_t per_row = (n + 1) / 2;
	for (size_t start = 0; start < n; start += per_row) {
		int need = 0;
		for (size_t i = start; i < n && i < start + per_row; i++)
			need += natural_width(items[i], compact) + (i > start ? gap : 0);
		if (need > cols)
			return false;
	}
	return true;
}

static bool fits_packed(const struct action_def *const *items, size_t n, int cols, bool compact)
{
	return fits_packed_gap(items, n, cols, compact, GAP);
}

static bool fits(const struct action_def *const *items, size_t n, int cols, bool compact)
{
	return fits_columns(items, n, cols, compact) || fits_packed(items, n, cols, compact);
}

/* Draw one item at x in width columns: its keys in reverse video, a blank, its label. */
static void draw_item(int row, int x, int width, const struct action_def *d, bool compact)
{
	char keys[32];
	int kw = draw_text(row, x, shown_keys(d, compact, keys, sizeof keys), width, A_REVERSE, false);
	draw_text(row, x + kw + 1, _(d->label), width - kw - 1, A_NORMAL, false);
}

void keybar_draw(int y, int cols, const enum action *offered)
{
	const struct action_def *shown[32] = { NULL };
	size_t n = 0, per_row;
	bool compact = false;

	for (; *offered != ACT_NONE && n < 32; offered++) {
		const struct action_def *d = action_def(*offered);
		if (d && d->label)
			shown[n++] = d;
	}
	/* When the bar is full, drop the optional keys (Tab, Esc), then the
	 * control keys beside the F keys; F1 lists them all. Labels are cut last. */
	if (!fits(shown, n, cols, false)) {
		size_t kept = 0;
		for (size_t i = 0; i < n; i++)
			if (!shown[i]->optional)
				shown[kept++] = shown[i];
		n = kept;
		compact = !fits(shown, n, cols, false);
	}
	draw_blank(y, 0, cols, A_NORMAL);
	draw_blank(y + 1, 0, cols, A_NORMAL);
	if (n == 0)
		return;
	per_row = (n + 1) / 2;
	if (fits_columns(shown, n, cols, compact)) {
		/* Equal columns, as nano lays them out. */
		int width = cols / (int)per_row;
		for (size_t i = 0; i < n; i++) {
			bool last = i % per_row == per_row - 1 || i + 1 == n;
			draw_item(y + (int)(i / per_row), (int)(i % per_row) * width, width - (last ? 0 : GAP), shown[i], compact);
		}
		return;
	}
	/* Packed: each item as wide as it needs, the room left shared between
	 * the gaps. Before a label is cut the gaps narrow to one blank: the
	 * keys in reverse video still set the items apart. */
	int min_gap = fits_packed(shown, n, cols, compact) ? GAP : 1;
	for (size_t start = 0; start < n; start += per_row) {
		size_t k = n - start < per_row ? n - start : per_row;
		int need = 0, x = 0, spare, share;
		for (size_t i = start; i < start + k; i++)
			need += natural_width(shown[i], compact);
		spare = cols - need;
		share = k > 1 ? spare / (int)(k - 1) : 0;
		if (share < min_gap)
			share = min_gap; /* still too wide: the labels are cut, the gaps stay */
		for (size_t i = start; i < start + k; i++) {
			int w = natural_width(shown[i], compact), room = cols - x;
			int left = (int)(start + k - i - 1);
			/* Leave each later item at least its keys and a gap. */
			if (w > room - left * (min_gap + 4))
				w = room - left * (min_gap + 4);
			if (w < 1)
				break;
			draw_item(y + (int)(start / per_row), x, w, shown[i], compact);
			x += w + share;
		}
	}
}
