/* Modal dialogs: confirm, text, pick. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include "bitim/i18n.h"
#include "bitim/utf8.h"
#include "dialog.h"
#include "draw.h"
#include "keybar.h"

/* Width and position of a dialog box on this screen. */
static void geometry(struct app *app, int want_w, int want_h, int *y, int *x, int *w, int *h)
{
	/* Between the title and the message line: the key bar stays in view. */
	int room;

	getmaxyx(stdscr, app->rows, app->cols);
	room = app->rows - 2 - KEYBAR_ROWS;
	*w = want_w < app->cols - 2 ? want_w : app->cols - 2;
	*h = want_h < room ? want_h : room;
	if (*w < 10)
		*w = app->cols;
	if (*h < 3)
		*h = app->rows;
	*y = *h == app->rows ? 0 : 1 + (room - *h) / 2;
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

/* Lay a text out for a box width columns wide: each line wrapped at blanks,
 * with a hanging indent so a wrapped line is seen to go on: a line holding a
 * tab ("  F2 ^O\tComplete…") continues under the text after the tab, one
 * starting with blanks or "• " under its first word. malloc'd. */
static char *lay_out(const char *text, int width)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	if (!f)
		return NULL;
	while (*text) {
		const char *eol = strchr(text, '\n');
		size_t n = eol ? (size_t)(eol - text) : strlen(text);
		char *line = strndup(text, n), *body = line, *tab = strchr(line, '\t');
		int indent = 0;

		if (!line)
			break;
		if (tab) {
			/* Keys too wide for their column stand on a line of their own. */
			*tab = '\0';
			indent = 13 < width / 2 ? 13 : width / 2;
			if (text_width(line) + 2 > indent)
				fprintf(f, "%s\n%*s", line, indent, "");
			else
				fprintf(f, "%s%*s", line, indent - text_width(line), "");
			body = tab + 1;
		} else {
			/* Blanks and a bullet lead the line; wrapped rows start under its text. */
			size_t head = strspn(body, " ");
			if (strncmp(body + head, "• ", strlen("• ")) == 0)
				head += strlen("• ");
			indent = utf8_width(body, head);
			if (indent > width / 2)
				head = 0, indent = 0;
			fprintf(f, "%.*s", (int)head, body);
			body += head;
		}
		size_t rows = text_wrap(body, width - indent, NULL, 0);
		struct span *spans = malloc((rows ? rows : 1) * sizeof *spans);
		if (spans) {
			text_wrap(body, width - indent, spans, rows);
			for (size_t r = 0; r < rows; r++)
				fprintf(f, "%*s%.*s\n", r ? indent : 0, "", (int)(spans[r].end - spans[r].start), body + spans[r].start);
		}
		if (!rows || !spans)
			fputc('\n', f);
		free(spans);
		free(line);
		text = eol ? eol + 1 : text + n;
	}
	fclose(f);
	/* The last newline ends the last line; it does not start another. */
	if (out && len > 0 && out[len - 1] == '\n')
		out[len - 1] = '\0';
	return out;
}

/* Draw the laid-out lines [first, first+rows) inside the box; returns the line count. */
static size_t draw_wrapped(const char *text, int y, int x, int w, int rows, size_t first)
{
	char *laid = lay_out(text, w);
	const char *t = laid ? laid : text;
	size_t n = text_wrap(t, w, NULL, 0);
	struct span *lines = malloc((n ? n : 1) * sizeof *lines);

	if (lines) {
		text_wrap(t, w, lines, n);
		for (int r = 0; r < rows && first + (size_t)r < n; r++) {
			const struct span *s = &lines[first + (size_t)r];
			draw_text_n(y + r, x, t + s->start, s->end - s->start, w, A_NORMAL, false);
		}
	}
	free(lines);
	free(laid);
	return n;
}

/* How many lines a text takes in a box width columns wide. */
static size_t wrapped_rows(const char *text, int width)
{
	char *laid = lay_out(text, width);
	size_t n = text_wrap(laid ? laid : text, width, NULL, 0);
	free(laid);
	return n;
}

/* The dialog's keys on the key bar while it is open (the screen's do nothing). */
static const enum action *show_keys(struct app *app, const enum action *keys)
{
	const enum action *was = app->overlay;
	app->overlay = keys;
	return was;
}

/* "Enter: Yes   Esc: No" from the actions' keys and labels. */
static void buttons(const enum action *keys, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (; *keys != ACT_NONE && used < size; keys++) {
		const struct action_def *d = action_def(*keys);
		char k[32];
		if (!d || *keys == ACT_LANGUAGE)
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%s%s: %s", used ? "   " : "",
					 action_keys(d, k, sizeof k), _(d->label));
	}
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

bool dialog_ask(struct app *app, const char *title, const char *text, enum action yes, enum action no)
{
	const enum action keys[] = { yes, no, ACT_LANGUAGE, ACT_NONE };
	const enum action *was;
	bool answer = false;

	/* The overlay must outlive this call's frame only while the dialog is open. */
	static enum action shown[4];
	memcpy(shown, keys, sizeof shown);
	was = show_keys(app, shown);
	for (;;) {
		int y, x, w, h, kind;
		wint_t key;
		char line[256];

		app_draw(app);
		if (app_too_small(app)) {
			if (!wait_for_size())
				break;
			continue;
		}
		/* A long text takes the wider box rather than more rows. */
		int want = wrapped_rows(_(text), 60) > 8 ? 76 : 64;
		geometry(app, want, (int)wrapped_rows(_(text), (want < app->cols - 2 ? want : app->cols - 2) - 4) + 5,
			 &y, &x, &w, &h);
		draw_box(y, x, h, w, _(title));
		draw_wrapped(_(text), y + 2, x + 2, w - 4, h - 5, 0);
		buttons(keys, line, sizeof line);
		draw_text(y + h - 2, x + 2, line, w - 4, A_BOLD, false);
		/* The cursor on the question's answers: screen readers follow it. */
		curs_set(1);
		move(y + h - 2, x + 2);
		refresh();
		if (!dialog_key(&kind, &key))
			break;
		if (app_is_language_key(kind, key)) {
			app_cycle_language(app);
			continue;
		}
		if (kind == KEY_CODE_YES && key == KEY_ENTER) {
			answer = true;
			break;
		}
		if (kind == OK && (key == L'\r' || key == L'\n' || (yes == ACT_DLG_YES && is_yes_letter(key)))) {
			answer = true;
			break;
		}
		if (kind == OK && (key == 27 || (no == ACT_DLG_NO && (key == L'n' || key == L'N')) || key == 7 /* ^G */ || key == 24 /* ^X */))
			break;
		if (kind == KEY_CODE_YES && (key == (wint_t)KEY_F(10)))
			break;
	}
	app->overlay = was;
	curs_set(1);
	return answer;
}

bool dialog_confirm(struct app *app, const char *title, const char *text)
{
	return dialog_ask(app, title, text, ACT_DLG_YES, ACT_DLG_NO);
}

bool dialog_text_lang(struct app *app, const char *title, const char *text, bool close_on_language, size_t *top)
{
	static const enum action short_keys[] = { ACT_DLG_CLOSE, ACT_LANGUAGE, ACT_NONE };
	static const enum action long_keys[] = { ACT_DLG_SCROLL, ACT_DLG_CLOSE, ACT_LANGUAGE, ACT_NONE };
	const enum action *was = app->overlay;
	size_t first = top ? *top : 0;
	bool switched = false;

	for (;;) {
		int y, x, w, h, kind, body;
		wint_t key;
		size_t n;
		char line[256];

		n = wrapped_rows(_(text), (app->cols < 78 ? app->cols - 2 : 76) - 4);
		app->overlay = n + 4 > (size_t)(app->rows - 2) ? long_keys : short_keys;
		app_draw(app);
		if (app_too_small(app)) {
			if (!wait_for_size())
				break;
			continue;
		}
		geometry(app, 76, (int)wrapped_rows(_(text), (app->cols < 78 ? app->cols - 2 : 76) - 4) + 4,
			  &y, &x, &w, &h);
		body = h - 4;
		if (first > 0 && first + (size_t)body > n)
			first = n > (size_t)body ? n - (size_t)body : 0;
		draw_box(y, x, h, w, _(title));
		n = draw_wrapped(_(text), y + 1, x + 2, w - 4, body, first);
		buttons(n > (size_t)body ? long_keys : short_keys, line, sizeof line);
		/* Where in a long text the view is: "19-36/40". */
		if (n > (size_t)body)
			snprintf(line + strlen(line), sizeof line - strlen(line), "   %zu-%zu/%zu", first + 1,
				 first + (size_t)body < n ? first + (size_t)body : n, n);
		draw_text(y + h - 2, x + 2, line, w - 4, A_BOLD, false);
		/* The cursor at the start of the text in view: screen readers follow it. */
		curs_set(1);
		move(y + 1, x + 2);
		refresh();
		if (!dialog_key(&kind, &key))
			break;
		if (app_is_language_key(kind, key)) {
			app_cycle_language(app);
			if (close_on_language) {
				switched = true;
				break;
			}
			continue;
		}
		if (kind == KEY_CODE_YES) {
			if (key == KEY_DOWN && first + (size_t)body < n)
				first++;
			else if (key == KEY_UP && first > 0)
				first--;
			else if (key == KEY_NPAGE)
				first = first + (size_t)body < n ? first + (size_t)body : first;
			else if (key == KEY_PPAGE)
				first = first > (size_t)body ? first - (size_t)body : 0;
			else if (key == KEY_HOME)
				first = 0;
			else if (key == KEY_ENTER || key == (wint_t)KEY_F(10) || key == (wint_t)KEY_F(1))
				break;
		} else if (kind == OK && (key == 27 || key == L'\r' || key == L'\n' || key == 24 || key == 7 || key == L'q')) {
			break;
		} else if (kind == OK && (key == 22 /* ^V */ || key == L' ')) {
			first = first + (size_t)body < n ? first + (size_t)body : first;
		} else if (kind == OK && key == 25 /* ^Y */) {
			first = first > (size_t)body ? first - (size_t)body : 0;
		}
	}
	if (top)
		*top = first;
	app->overlay = was;
	curs_set(1);
	return switched;
}

void dialog_text(struct app *app, const char *title, const char *text)
{
	dialog_text_lang(app, title, text, false, NULL);
}

/* At most this many rows show a long choice whole under a pick list. */
#define PICK_WHOLE_MAX 3

/* How many rows a pick list box w wide needs under its list to show the
 * longest of its cut choices whole: 0 when every choice fits its line. */
static int pick_whole_rows(const char *const *labels, size_t n, int w)
{
	int rows = 0;

	for (size_t i = 0; i < n; i++) {
		if (text_width(_(labels[i])) <= w - 6)
			continue;
		int k = (int)text_wrap(_(labels[i]), w - 4, NULL, 0);
		if (k > rows)
			rows = k;
	}
	return rows < PICK_WHOLE_MAX ? rows : PICK_WHOLE_MAX;
}

int dialog_pick(struct app *app, const char *title, const char *const *labels, size_t n, int current)
{
	static const enum action keys[] = { ACT_DLG_CHOOSE, ACT_DLG_CANCEL, ACT_LANGUAGE, ACT_NONE };
	const enum action *was = show_keys(app, keys);
	/* No line is chosen until one is moved to when nothing was chosen
	 * before: a stray Enter then chooses nothing. */
	bool chosen = current >= 0 && (size_t)current < n;
	size_t sel = chosen ? (size_t)current : 0, top = 0;
	int result = -1;

	for (;;) {
		int y, x, w, h, kind, body, widest = text_width(_(title)) + 6;
		wint_t key;
		char line[256];

		buttons(keys, line, sizeof line);
		if (text_width(line) + 4 > widest)
			widest = text_width(line) + 4;
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
		/* A choice too long for its line is cut at a word's end; the
		 * one in hand is shown whole under the list, so a long legal
		 * ground can be read before it is chosen. */
		int whole = pick_whole_rows(labels, n, w);
		if (whole) {
			geometry(app, widest, (int)n + 5 + whole, &y, &x, &w, &h);
			body = h - 5 - whole;
			if (body < 2) {
				whole = 0;
				body = h - 4;
			}
		}
		if (sel < top)
			top = sel;
		if (sel >= top + (size_t)body)
			top = sel - (size_t)body + 1;
		draw_box(y, x, h, w, _(title));
		for (int r = 0; r < body && top + (size_t)r < n; r++) {
			size_t i = top + (size_t)r;
			char num[8];
			snprintf(num, sizeof num, "%zu ", (i + 1) % 10);
			attr_t a = i == sel && chosen ? A_REVERSE : A_NORMAL;
			draw_blank(y + 1 + r, x + 1, w - 2, a);
			draw_text(y + 1 + r, x + 2, i < 9 ? num : "  ", 2, a, false);
			draw_text_cut(y + 1 + r, x + 4, _(labels[i]), w - 6, a, "");
		}
		if (whole && chosen && text_width(_(labels[sel])) > w - 6) {
			struct span lines[PICK_WHOLE_MAX];
			size_t k = text_wrap(_(labels[sel]), w - 4, lines, PICK_WHOLE_MAX);
			for (size_t l = 0; l < k && l < (size_t)whole; l++) {
				const char *from = _(labels[sel]) + lines[l].start;
				if (l + 1 == (size_t)whole && k > (size_t)whole)   /* the rest, cut visibly */
					draw_text_cut(y + 2 + body + (int)l, x + 2, from, w - 4, A_NORMAL, "");
				else
					draw_text_n(y + 2 + body + (int)l, x + 2, from, lines[l].end - lines[l].start,
						    w - 4, A_NORMAL, false);
			}
		}
		draw_text(y + h - 2, x + 2, line, w - 4, A_BOLD, false);
		/* The cursor on the line in hand (screen readers follow it). */
		curs_set(1);
		move(y + 1 + (int)(sel - top), x + 2);
		refresh();
		if (!dialog_key(&kind, &key))
			break;
		if (app_is_language_key(kind, key)) {
			app_cycle_language(app);
			continue;
		}
		if (kind == KEY_CODE_YES) {
			if (key == KEY_DOWN && (!chosen || sel + 1 < n)) {
				sel = chosen ? sel + 1 : sel;
				chosen = true;
			} else if (key == KEY_UP && sel > 0) {
				sel--;
				chosen = true;
			} else if (key == KEY_UP) {
				chosen = true;
			} else if (key == KEY_HOME) {
				sel = 0;
				chosen = true;
			} else if (key == KEY_END) {
				sel = n - 1;
				chosen = true;
			} else if (key == KEY_ENTER && chosen) {
				result = (int)sel;
				break;
			} else if (key == (wint_t)KEY_F(10)) {
				break;
			}
		} else if (kind == OK) {
			if ((key == L'\r' || key == L'\n') && chosen) {
				result = (int)sel;
				break;
			}
			if (key >= L'1' && key <= L'9' && (size_t)(key - L'1') < n) {
				result = (int)(key - L'1');
				break;
			}
			if (key == 27 || key == 24 || key == 7)
				break;
		}
	}
	app->overlay = was;
	curs_set(1);
	return result;
}
