/* The main loop: keys to the current screen, the frame, resizes, signals. */
#include <config.h>
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/conflicts.h"
#include "bitim/i18n.h"
#include "app.h"
#include "draw.h"
#include "keybar.h"
#include "today.h"

static volatile sig_atomic_t stop_signal;
static bool curses_active;

static void on_stop(int sig)
{
	stop_signal = sig;
}

bool app_stop_requested(void)
{
	return stop_signal != 0;
}

/* Whatever path ends the program, the terminal is given back sane. */
static void restore_terminal(void)
{
	if (curses_active) {
		endwin();
		curses_active = false;
	}
}

void app_message(struct app *app, enum message_kind kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_kind = kind;
}

void app_status(struct app *app, enum bitim_status status)
{
	const char *detail = store_errmsg(app->store);

	if (status == BITIM_ERR_DB && detail && *detail)
		app_message(app, MSG_ERROR, "%s: %s", bitim_strerror(status), detail);
	else
		app_message(app, MSG_ERROR, "%s", bitim_strerror(status));
}

void app_switch(struct app *app, const struct screen *to)
{
	app->next = to;
}

int app_body_top(const struct app *app)
{
	(void)app;
	return 1;
}

int app_body_rows(const struct app *app)
{
	return app->rows - 1 - 1 - KEYBAR_ROWS; /* title, message line, key bar */
}

void app_title(struct app *app, const char *left, const char *right)
{
	int lw = text_width(left), rw = right ? text_width(right) : 0;

	draw_blank(0, 0, app->cols, A_REVERSE);
	/* The left part (case and stage) comes first; the right part gets the rest. */
	if (lw > app->cols - 2)
		lw = app->cols - 2;
	if (rw > app->cols - lw - 4)
		rw = app->cols - lw - 4;
	draw_text(0, 1, left, lw, A_REVERSE | A_BOLD, false);
	if (right && rw > 0)
		draw_text(0, app->cols - rw - 1, right, rw, A_REVERSE, false);
}

static void draw_message(struct app *app)
{
	int y = app->rows - 1 - KEYBAR_ROWS;

	const char *hint = app->screen->hint ? app->screen->hint(app) : NULL;

	draw_blank(y, 0, app->cols, A_NORMAL);
	if (app->message[0])
		draw_text(y, 0, app->message, app->cols,
			  app->message_kind == MSG_ERROR ? A_BOLD | A_REVERSE : A_BOLD, false);
	else if (hint)
		draw_text(y, 0, _(hint), app->cols, A_NORMAL, false);
}

static void draw_too_small(struct app *app)
{
	char line[128];

	erase();
	snprintf(line, sizeof line, _("Terminal too small: %d×%d. bitim needs at least %d×%d."),
		 app->cols, app->rows, MIN_COLS, MIN_ROWS);
	mvaddstr(0, 0, "");
	draw_text(app->rows / 2, 0, line, app->cols, A_BOLD, false);
	if (app->rows > 1)
		draw_text(app->rows / 2 + 1, 0, _("Make the window larger; nothing is lost."), app->cols, A_NORMAL, false);
}

bool app_too_small(const struct app *app)
{
	return app->cols < MIN_COLS || app->rows < MIN_ROWS;
}

void app_draw(struct app *app)
{
	getmaxyx(stdscr, app->rows, app->cols);
	if (app_too_small(app)) {
		draw_too_small(app);
		return;
	}
	int cy, cx;

	erase();
	app->screen->draw(app);
	getyx(stdscr, cy, cx); /* the screen placed the cursor; keep it there */
	draw_message(app);
	keybar_draw(app->rows - KEYBAR_ROWS, app->cols, app->screen->actions(app));
	move(cy, cx);
}

void app_due_text(const char *iso, char *buf, size_t size, bool *overdue)
{
	bitim_day d;
	long days;

	*overdue = false;
	buf[0] = '\0';
	if (!iso || !date_parse_iso(iso, &d))
		return;
	days = d - today_get();
	if (days < 0) {
		*overdue = true;
		snprintf(buf, size, ngettext("!%ld day overdue", "!%ld days overdue", (unsigned long)-days), -days);
	} else if (days == 0) {
		snprintf(buf, size, "%s", _("due today"));
	} else {
		snprintf(buf, size, ngettext("in %ld day", "in %ld days", (unsigned long)days), days);
	}
}

void app_cycle_language(struct app *app)
{
	enum bitim_lang next = (enum bitim_lang)((i18n_lang() + 1) % BITIM_LANG_COUNT);
	enum bitim_status st;

	i18n_set_lang(next);
	st = store_setting_set(app->store, "ui_language", i18n_lang_code(next));
	if (st != BITIM_OK)
		app_status(app, st);
	else
		app_message(app, MSG_INFO, _("Language: English"));
}

int app_read_key(wint_t *key)
{
	/* ERR after the timeout: the caller's loop looks at the signal flag. */
	return get_wch(key);
}

static void setup_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static void setup_curses(void)
{
	initscr();
	curses_active = true;
	atexit(restore_terminal);
	raw();            /* Ctrl-Z, Ctrl-C and Ctrl-\ are keys, not signals */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(200);     /* wake up to notice SIGTERM and SIGHUP */
	set_escdelay(getenv("ESCDELAY") ? atoi(getenv("ESCDELAY")) : 50);
	curs_set(1);
}

/* Handle one key read from the terminal. */
static void dispatch(struct app *app, int kind, wint_t key)
{
	bool is_key = kind == KEY_CODE_YES;
	enum action act;

	if (is_key && key == KEY_RESIZE)
		return; /* the next draw lays everything out anew */
	if (app_too_small(app))
		return; /* no key acts on a screen the user cannot see */
	app->message[0] = '\0';
	act = action_for_key(app->screen->actions(app), is_key, key);
	if (!is_key && key == 3 && act == ACT_NONE) { /* Ctrl-C */
		app_message(app, MSG_INFO, _("To quit, press F10 or Ctrl-X; everything is saved."));
		return;
	}
	if (act == ACT_LANGUAGE) {
		app_cycle_language(app);
		return;
	}
	app->screen->key(app, act, is_key, key);
}

/* A merge may have kept records aside: say so once, at the start. */
static void tell_conflicts(struct app *app)
{
	size_t n = 0;

	if (conflicts_waiting(app->store, &n) == BITIM_OK && n > 0)
		app_message(app, MSG_INFO,
			    ngettext("%zu imported record differs from this database; F2 shows it",
				     "%zu imported records differ from this database; F2 shows them", n), n);
}

int tui_run(struct store *store, const struct procedure *proc)
{
	struct app app = { .store = store, .proc = proc, .screen = &screen_list };
	char *demo = NULL;

	if (store_setting_get(store, "demo", &demo) == BITIM_OK && demo)
		app.demo = strcmp(demo, "1") == 0;
	free(demo);
	setup_signals();
	setup_curses();
	getmaxyx(stdscr, app.rows, app.cols);
	app.screen->enter(&app);
	if (!i18n_utf8())
		app_message(&app, MSG_ERROR, "%s", _("No UTF-8 locale is available: Kazakh and Russian letters cannot be shown or typed. Install the locales package or set LC_ALL=C.UTF-8."));
	else if (!app.message[0])
		tell_conflicts(&app);
	while (!app.quit && !stop_signal) {
		wint_t key;
		int kind;

		/* A screen may hand over to another, even while it is entered. */
		while (app.next) {
			app.screen = app.next;
			app.next = NULL;
			app.screen->enter(&app);
		}
		app_draw(&app);
		refresh();
#ifdef BITIM_TEST_HOOKS
		/* Benchmarks measure the time to the first drawn screen. */
		if (getenv("BITIM_BENCH_STARTUP"))
			break;
#endif
		kind = app_read_key(&key);
		/* Keys typed ahead or pasted are all handled before the next redraw. */
		while (kind != ERR) {
			dispatch(&app, kind, key);
			if (app.quit || app.next || stop_signal)
				break;
			timeout(0);
			kind = app_read_key(&key);
			timeout(200);
		}
	}
	/* SIGTERM or SIGHUP: keep the field in progress if it is valid. */
	if (stop_signal)
		app.screen->leave(&app);
	restore_terminal();
	screen_list.release();
	screen_case.release();
	screen_settings.release();
	return 0;
}
