/* The main loop: keys to the current screen, the frame, resizes, signals. */
#include <config.h>
#include <errno.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bitim/conflicts.h"
#include "bitim/i18n.h"
#include "app.h"
#include "background.h"
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
/* What is left to say once the screen is gone, on standard error: on a
 * terminal, broken at blanks to its width (no word cut by the wrapping). */
static void tell_on_leaving(const char *text, int width)
{
	static const char prefix[] = "bitim: ";
	struct span lines[16];
	size_t n;

	if (!isatty(STDERR_FILENO) || width <= (int)sizeof prefix + 10) {
		fprintf(stderr, "%s%s\n", prefix, text);
		return;
	}
	n = text_wrap(text, width - (int)sizeof prefix, lines, sizeof lines / sizeof lines[0]);
	for (size_t i = 0; i < n && i < sizeof lines / sizeof lines[0]; i++)
		fprintf(stderr, "%s%.*s\n", i ? "       " : prefix, (int)(lines[i].end - lines[i].start),
			text + lines[i].start);
}

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

const char *app_stage_name(const struct app *app, int stage, int width)
{
	const struct stage_def *s;

	if (stage < 0 || (size_t)stage >= app->proc->nstages)
		return "";
	s = &app->proc->stages[stage];
	if (text_width(_(s->label)) > width && s->short_label)
		return _(s->short_label);
	return _(s->label);
}

void app_title(struct app *app, const char *left, const char *right)
{
	int rw = right ? text_width(right) : 0;

	draw_blank(0, 0, app->cols, A_REVERSE);
	if (rw > app->cols - 2)
		rw = app->cols - 2;
	if (right && rw > 0)
		draw_text(0, app->cols - rw - 1, right, rw, A_REVERSE, false);
	/* The left part (case and stage) takes what the right part leaves. */
	draw_text_cut(0, 1, left, app->cols - 2 - (rw ? rw + 2 : 0), A_REVERSE | A_BOLD, "");
}

static void draw_message(struct app *app)
{
	int y = app->rows - 1 - KEYBAR_ROWS;

	const char *hint = app->screen->hint ? app->screen->hint(app) : NULL;

	draw_blank(y, 0, app->cols, A_NORMAL);
	app->status_shown = false;
	/* A message too long for the line ends with "… F1"; F1 shows it whole. */
	if (app->message[0])
		draw_text_cut(y, 0, app->message, app->cols,
			      app->message_kind == MSG_ERROR ? A_BOLD | A_REVERSE : A_BOLD, " F1");
	else if (hint)
		draw_text_cut(y, 0, _(hint), app->cols, A_NORMAL, " F1");
	else if (app->status[0]) { /* work between keys: the list shows it, a field's hint comes first */
		draw_text_cut(y, 0, app->status, app->cols, A_NORMAL, " F1");
		app->status_shown = true;
	}
}

static void draw_too_small(struct app *app)
{
	char size[256], text[640];
	struct span spans[12];
	size_t n;
	int y;

	erase();
	snprintf(size, sizeof size, _("Terminal too small: %d×%d. bitim needs at least %d×%d."),
		 app->cols, app->rows, MIN_COLS, MIN_ROWS);
	/* Keys wait for the screen; a dialog cannot keep them (it would act blind). */
	snprintf(text, sizeof text, "%s\n%s", size,
		 app->overlay ? _("Make the window larger; nothing is lost. Keys typed meanwhile are not used.")
			      : _("Make the window larger; nothing is lost. What you type meanwhile is kept and acts when it is larger."));
	/* Wrapped: a narrow window still reads every word. */
	n = text_wrap(text, app->cols, spans, 12);
	y = app->rows / 2 - (int)(n < 12 ? n : 12) / 2;
	if (y < 0)
		y = 0;
	for (size_t i = 0; i < n && i < 12; i++)
		draw_text_n(y + (int)i, 0, text + spans[i].start, spans[i].end - spans[i].start, app->cols,
			    i == 0 ? A_BOLD : A_NORMAL, false);
}

bool app_too_small(const struct app *app)
{
	return app->cols < MIN_COLS || app->rows < MIN_ROWS;
}

void app_draw(struct app *app)
{
	getmaxyx(stdscr, app->rows, app->cols);
	if (app_too_small(app)) {
		app->status_shown = false;
		draw_too_small(app);
		return;
	}
	int cy, cx;

	erase();
	app->screen->draw(app);
	getyx(stdscr, cy, cx); /* the screen placed the cursor; keep it there */
	draw_message(app);
	keybar_draw(app->rows - KEYBAR_ROWS, app->cols, app->overlay ? app->overlay : app->screen->actions(app));
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
	background_language(app);
	st = store_setting_set(app->store, "ui_language", i18n_lang_code(next));
	if (st != BITIM_OK)
		app_status(app, st);
	else
		app_message(app, MSG_INFO, _("Language: English"));
}

bool app_is_language_key(int kind, wint_t key)
{
	return (kind == KEY_CODE_YES && key == (wint_t)KEY_F(5)) || (kind == OK && key == 12 /* ^L */);
}

/* The rest of an escape sequence ncurses did not recognise: CSI (ESC [),
 * parameters and intermediates up to a final byte; SS3 (ESC O) and one
 * byte. Read and forgotten; false when ESC stands alone (or starts another
 * key, which is given back to be read next). */
static bool drop_sequence(void)
{
	int delay = wgetdelay(stdscr), kind;
	wint_t c;
	bool dropped = false;

	/* A terminal sends a sequence in one go; a little patience for a slow line. */
	timeout(30);
	kind = get_wch(&c);
	if (kind == KEY_CODE_YES) {
		ungetch((int)c);
	} else if (kind == OK && (c == L'[' || c == L'O')) {
		bool csi = c == L'[';
		dropped = true;
		for (int i = 0; i < 32 && get_wch(&c) == OK; i++) {
			if (!csi || (c >= 0x40 && c <= 0x7E && !(i == 0 && c == L'[')))
				break;
		}
	} else if (kind == OK) {
		unget_wch((wchar_t)c);
	}
	timeout(delay);
	return dropped;
}

int app_read_key(wint_t *key)
{
	/* ERR after the timeout: the caller's loop looks at the signal flag. */
	int kind = get_wch(key);

	/* TERM=linux (and others) call Ctrl-Z "suspend": it is Undo here. */
	if (kind == KEY_CODE_YES && *key == KEY_SUSPEND) {
		*key = 26;
		return OK;
	}
	if (kind == OK && *key == 27 && drop_sequence())
		return ERR;
	return kind;
}

/* Cursor, Home/End, Delete, Shift-Tab and F-keys in both their CSI and SS3
 * forms (and the Linux console's F1-F5), whatever terminfo says: PuTTY,
 * SSH clients and serial terminals send the form terminfo does not name. */
static void define_keys(void)
{
	static const struct { const char *seq; int code; } keys[] = {
		{ "\033[A", KEY_UP }, { "\033OA", KEY_UP }, { "\033[B", KEY_DOWN }, { "\033OB", KEY_DOWN },
		{ "\033[C", KEY_RIGHT }, { "\033OC", KEY_RIGHT }, { "\033[D", KEY_LEFT }, { "\033OD", KEY_LEFT },
		{ "\033[H", KEY_HOME }, { "\033OH", KEY_HOME }, { "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME },
		{ "\033[F", KEY_END }, { "\033OF", KEY_END }, { "\033[4~", KEY_END }, { "\033[8~", KEY_END },
		{ "\033[3~", KEY_DC }, { "\033[2~", KEY_IC }, { "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
		{ "\033[Z", KEY_BTAB }, { "\033OM", KEY_ENTER },
		{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) }, { "\033OR", KEY_F(3) }, { "\033OS", KEY_F(4) },
		{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) }, { "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
		{ "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) }, { "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) },
		{ "\033[[E", KEY_F(5) }, { "\033[15~", KEY_F(5) }, { "\033[17~", KEY_F(6) }, { "\033[18~", KEY_F(7) },
		{ "\033[19~", KEY_F(8) }, { "\033[20~", KEY_F(9) }, { "\033[21~", KEY_F(10) },
		{ "\033[23~", KEY_F(11) }, { "\033[24~", KEY_F(12) },
	};

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (key_defined(keys[i].seq) == keys[i].code)
			continue;
		define_key(keys[i].seq, 0); /* another meaning terminfo gave it */
		define_key(keys[i].seq, keys[i].code);
	}
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
	const char *acs = getenv("NCURSES_NO_UTF8_ACS");

	/* In a UTF-8 locale lines are drawn with Unicode's box characters: the
	 * terminal's alternate character set, which terminfo may promise where
	 * it is not there (tmux or screen under TERM=xterm-256color, some
	 * terminal emulators), shows them as "qqqq" and "x". */
	if ((!acs || !*acs) && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		setenv("NCURSES_NO_UTF8_ACS", "1", 1);
	initscr();
	curses_active = true;
	atexit(restore_terminal);
	raw();            /* Ctrl-Z, Ctrl-C and Ctrl-\ are keys, not signals */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(200);     /* wake up to notice SIGTERM and SIGHUP */
	set_escdelay(getenv("ESCDELAY") ? atoi(getenv("ESCDELAY")) : 50);
	define_keys();
	curs_set(1);
}

/* Keys typed while the terminal is too small, kept for when it grows. */
#define PENDING_MAX 256
struct pending_key {
	int kind;
	wint_t key;
};
static struct pending_key pending[PENDING_MAX];
static size_t pending_count;

/* Handle one key read from the terminal. */
static void dispatch(struct app *app, int kind, wint_t key)
{
	bool is_key = kind == KEY_CODE_YES;
	enum action act;

	if (is_key && key == KEY_RESIZE)
		return; /* the next draw lays everything out anew */
	if (app_too_small(app)) {
		/* No key acts on a screen the user cannot see: the keys wait,
		 * in order, until the terminal is large enough again. */
		if (pending_count < PENDING_MAX)
			pending[pending_count++] = (struct pending_key){ kind, key };
		return;
	}
	act = action_for_key(app->screen->actions(app), is_key, key);
	/* F1 shows the last message whole; any other key replaces it. */
	if (act != ACT_HELP) {
		app->message[0] = '\0';
		background_key(app);
	}
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

/* Wait for a key, doing the work between keys meanwhile (background.h):
 * a slice of it whenever no key is waiting. *redraw tells whether the
 * screen must be drawn again before the next key. */
static int read_key_between_work(struct app *app, wint_t *key, bool *redraw)
{
	int wait = background_wait_ms(app), kind;

	*redraw = true;
	if (wait < 0)
		return app_read_key(key);
	timeout(wait);
	kind = app_read_key(key);
	timeout(200);
	if (kind == ERR)
		*redraw = background_work(app);
	return kind;
}

int tui_run(struct store *store, const struct procedure *proc, const char *forms_fingerprint)
{
	struct app app = { .store = store, .proc = proc, .screen = &screen_list };
	char *demo = NULL;
	const char *told;
	int width;
	bool redraw = true;

	if (store_setting_get(store, "demo", &demo) == BITIM_OK && demo)
		app.demo = strcmp(demo, "1") == 0;
	free(demo);
	/* Before the first screen: no deadline is shown as current that is not. */
	background_open(&app, forms_fingerprint);
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
			redraw = true;
		}
		if (redraw)
			app_draw(&app);
		/* The terminal is large enough again: the keys typed meanwhile act now. */
		if (pending_count && !app_too_small(&app)) {
			size_t n = pending_count;
			pending_count = 0;
			for (size_t i = 0; i < n && !app.quit && !app.next && !stop_signal; i++)
				dispatch(&app, pending[i].kind, pending[i].key);
			redraw = true;
			continue;
		}
		if (redraw)
			refresh();
#ifdef BITIM_TEST_HOOKS
		/* Benchmarks measure the time to the first drawn screen. */
		if (getenv("BITIM_BENCH_STARTUP"))
			break;
#endif
		kind = read_key_between_work(&app, &key, &redraw);
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
	width = COLS;
	restore_terminal();
	told = background_close(&app);
	if (told)
		tell_on_leaving(told, width);
	screen_list.release();
	screen_case.release();
	screen_settings.release();
	return 0;
}
