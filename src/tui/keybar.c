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

/* Whether the items fit in two rows of equal columns without cutting a label. */
static bool fits(const struct action_def *const *items, size_t n, int cols, bool compact)
{
	size_t per_row = (n + 1) / 2;
	for (size_t i = 0; i < n; i++)
		if (natural_width(items[i], compact) > cols / (int)per_row)
			return false;
	return true;
}

void keybar_draw(int y, int cols, const enum action *offered)
{
	const struct action_def *shown[32] = { NULL };
	size_t n = 0, per_row;
	int width;
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
	width = cols / (int)per_row;
	for (size_t i = 0; i < n; i++) {
		char keys[32];
		int row = y + (int)(i / per_row);
		int x = (int)(i % per_row) * width;
		int kw = draw_text(row, x, shown_keys(shown[i], compact, keys, sizeof keys), width - 1, A_REVERSE, false);
		draw_text(row, x + kw + 1, _(shown[i]->label), width - kw - 1, A_NORMAL, false);
	}
}
