/* Modal dialogs: confirm, text, pick. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include "bitim/i18n.h"
#include "dialog.h"
#include "draw.h"

/* Width and position of a dialog box on this screen. */
static void geometry(struct app *app, int want_w, int want_h, int *y, int *x, int *w, int *h)
{
	getmaxyx(stdscr, app->rows, app->cols);
	*w = want_w < app->cols - 2 ? want_w : app->cols - 2;
	*h = want_h < app->rows - 2 ? want_h : app->rows - 2;
	if (*w < 10)
		*w = app->cols;
	if (*h < 3)
		*h = app->rows;
	*y = (app->rows - *h) / 2;
	*x = (app->cols - *w) / 2;
}

/* Read a key for a dialog; false when bitim must stop. */
static bool dialog_key(int *kind, wint_t *key)
{
	for (;;) {
		if (app_stop_requested())
			return false;
		*kind = app_read_key(key);
		if (*kind != ERR)
			return true;
	}
}

/* The terminal is too small for the dialog: show that (app_draw did) and
 * wait for the next key or resize. False when bitim must stop. */
static bool wait_for_size(void)
{
	int kind;
	wint_t key;

	refresh();
	return dialog_key(&kind, &key);
}

/* Draw wrapped text lines [first, first+rows) inside the box; returns the line count. */
static size_t draw_wrapped(const char *text, int y, int x, int w, int rows, size_t first)
{
	size_t n = text_wrap(text, w, NULL, 0);
	struct span *lines = malloc((n ? n : 1) * sizeof *lines);

	if (!lines)
		return 0;
	text_wrap(text, w, lines, n);
	for (int r = 0; r < rows && first + (size_t)r < n; r++) {
		const struct span *s = &lines[first + (size_t)r];
		draw_text_n(y + r, x, text + s->start, s->end - s->start, w, A_NORMAL, false);
	}
	free(lines);
	return n;
}

/* Does a typed letter mean yes (y, or the first letter of the translated "Yes")? */
static bool is_yes_letter(wint_t key)
{
	const char *yes = _("Yes");
	wchar_t first;

	if (key == L'y' || key == L'Y')
		return true;
	if (mbtowc(&first, yes, strlen(yes)) > 0)
		return (wint_t)towlower((wint_t)first) == towlower(key);
	return false;
}

bool dialog_confirm(struct app *app, const char *title, const char *text)
{
	for (;;) {
		int y, x, w, h, kind;
		wint_t key;
		char buttons[160];

		app_draw(app);
		if (app_too_small(app)) {
			if (!wait_for_size())
				break;
			continue;
		}
		geometry(app, 64, (int)text_wrap(text, 60, NULL, 0) + 5, &y, &x, &w, &h);
		draw_box(y, x, h, w, title);
		draw_wrapped(text, y + 2, x + 2, w - 4, h - 5, 0);
		snprintf(buttons, sizeof buttons, "%s   %s", _("Enter: Yes"), _("Esc: No"));
		draw_text(y + h - 2, x + 2, buttons, w - 4, A_BOLD, false);
		curs_set(0);
		refresh();
		if (!dialog_key(&kind, &key))
			break;
		if (kind == KEY_CODE_YES && key == KEY_ENTER)
			return curs_set(1), true;
		if (kind == OK && (key == L'\r' || key == L'\n' || is_yes_letter(key)))
			return curs_set(1), true;
		if (kind == OK && (key == 27 || key == L'n' || key == L'N' || key == 7 /* ^G */ || key == 24 /* ^X */))
			break;
		if (kind == KEY_CODE_YES && (key == (wint_t)KEY_F(10)))
			break;
	}
	curs_set(1);
	return false;
}

void dialog_text(struct app *app, const char *title, const char *text)
{
	size_t first = 0;

	for (;;) {
		int y, x, w, h, kind, body;
		wint_t key;
		size_t n;

		app_draw(app);
		if (app_too_small(app)) {
			if (!wait_for_size())
				break;
			continue;
		}
		geometry(app, 76, (int)text_wrap(text, (app->cols < 78 ? app->cols - 2 : 76) - 4, NULL, 0) + 4,
			  &y, &x, &w, &h);
		body = h - 4;
		draw_box(y, x, h, w, title);
		n = draw_wrapped(text, y + 1, x + 2, w - 4, body, first);
		draw_text(y + h - 2, x + 2,
			  n > (size_t)body ? _("↑↓ PgUp PgDn: scroll   Esc Enter: close") : _("Esc Enter: close"),
			  w - 4, A_BOLD, false);
		curs_set(0);
		refresh();
		if (!dialog_key(&kind, &key))
			break;
		if (kind == KEY_CODE_YES) {
			if (key == KEY_DOWN && first + (size_t)body < n)
				first++;
			else if (key == KEY_UP && first > 0)
				first--;
			else if (key == KEY_NPAGE)
				first = first + (size_t)body < n ? first + (size_t)body : first;
			else if (key == KEY_PPAGE)
				first = first > (size_t)body ? first - (size_t)body : 0;
			else if (key == KEY_ENTER || key == (wint_t)KEY_F(10) || key == (wint_t)KEY_F(1))
				break;
		} else if (kind == OK && (key == 27 || key == L'\r' || key == L'\n' || key == 24 || key == 7 || key == L'q')) {
			break;
		}
	}
	curs_set(1);
}

int dialog_pick(struct app *app, const char *title, const char *const *labels, size_t n, int current)
{
	size_t sel = current >= 0 && (size_t)current < n ? (size_t)current : 0, top = 0;

	for (;;) {
		int y, x, w, h, kind, body, widest = text_width(title) + 6;
		wint_t key;

		if (text_width(_("↑↓ Enter: choose   Esc: cancel")) + 4 > widest)
			widest = text_width(_("↑↓ Enter: choose   Esc: cancel")) + 4;
		for (size_t i = 0; i < n; i++)
			if (text_width(_(labels[i])) + 8 > widest)
				widest = text_width(_(labels[i])) + 8;
		app_draw(app);
		if (app_too_small(app)) {
			if (!wait_for_size())
				break;
			continue;
		}
		geometry(app, widest, (int)n + 4, &y, &x, &w, &h);
		body = h - 4;
		if (sel < top)
			top = sel;
		if (sel >= top + (size_t)body)
			top = sel - (size_t)body + 1;
		draw_box(y, x, h, w, title);
		for (int r = 0; r < body && top + (size_t)r < n; r++) {
			size_t i = top + (size_t)r;
			char num[8];
			snprintf(num, sizeof num, "%zu ", (i + 1) % 10);
			attr_t a = i == sel ? A_REVERSE : A_NORMAL;
			draw_blank(y + 1 + r, x + 1, w - 2, a);
			draw_text(y + 1 + r, x + 2, i < 9 ? num : "  ", 2, a, false);
			draw_text(y + 1 + r, x + 4, _(labels[i]), w - 6, a, false);
		}
		draw_text(y + h - 2, x + 2, _("↑↓ Enter: choose   Esc: cancel"), w - 4, A_BOLD, false);
		curs_set(0);
		refresh();
		if (!dialog_key(&kind, &key))
			break;
		if (kind == KEY_CODE_YES) {
			if (key == KEY_DOWN && sel + 1 < n)
				sel++;
			else if (key == KEY_UP && sel > 0)
				sel--;
			else if (key == KEY_HOME)
				sel = 0;
			else if (key == KEY_END)
				sel = n - 1;
			else if (key == KEY_ENTER)
				return curs_set(1), (int)sel;
			else if (key == (wint_t)KEY_F(10))
				break;
		} else if (kind == OK) {
			if (key == L'\r' || key == L'\n' || key == L' ')
				return curs_set(1), (int)sel;
			if (key >= L'1' && key <= L'9' && (size_t)(key - L'1') < n)
				return curs_set(1), (int)(key - L'1');
			if (key == 27 || key == 24 || key == 7)
				break;
		}
	}
	curs_set(1);
	return -1;
}
