/* The key bar, laid out from the action table as nano lays out its shortcuts. */
#include <config.h>
#include "bitim/i18n.h"
#include "draw.h"
#include "keybar.h"

/* Width an item needs: its keys, a blank, its label. The next item's keys,
 * in reverse video, set it apart. */
static int natural_width(const struct action_def *d)
{
	char keys[32];
	return text_width(action_keys(d, keys, sizeof keys)) + 1 + text_width(_(d->label));
}

/* Whether the items fit in two rows of equal columns without cutting a label. */
static bool fits(const struct action_def *const *items, size_t n, int cols)
{
	size_t per_row = (n + 1) / 2;
	for (size_t i = 0; i < n; i++)
		if (natural_width(items[i]) > cols / (int)per_row)
			return false;
	return true;
}

void keybar_draw(int y, int cols, const enum action *offered)
{
	const struct action_def *shown[32];
	size_t n = 0, per_row;
	int width;

	for (; *offered != ACT_NONE && n < 32; offered++) {
		const struct action_def *d = action_def(*offered);
		if (d && d->label)
			shown[n++] = d;
	}
	/* Drop the optional keys (Tab, Esc: listed in F1) when the bar is full. */
	if (!fits(shown, n, cols)) {
		size_t kept = 0;
		for (size_t i = 0; i < n; i++)
			if (!shown[i]->optional)
				shown[kept++] = shown[i];
		n = kept;
	}
	draw_blank(y, 0, cols, A_NORMAL);
	draw_blank(y + 1, 0, cols, A_NORMAL);
	if (n == 0)
		return;
	per_row = (n + 1) / 2;
	width = cols / (int)per_row;
	for (size_t i = 0; i < n; i++) {
		char keys[32];
		int row = y + (int)(i / per_row);
		int x = (int)(i % per_row) * width;
		int kw = draw_text(row, x, action_keys(shown[i], keys, sizeof keys), width - 1, A_REVERSE, false);
		draw_text(row, x + kw + 1, _(shown[i]->label), width - kw - 1, A_NORMAL, false);
	}
}
