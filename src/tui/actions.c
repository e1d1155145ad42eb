/* The action table and key dispatch. */
#include <config.h>
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include "bitim/i18n.h"
#include "actions.h"

#define CTRL(c) ((c) & 0x1F)

static const struct action_def table[] = {
	{ ACT_HELP, 1, 'G', NULL, N_("Help"),
	  N_("Show help for this screen and for the field under the cursor."), false, NULL },
	{ ACT_ADVANCE, 2, 'O', NULL, N_("Complete"),
	  N_("Complete this stage: bitim checks what the law requires, lists anything missing, and asks you to confirm."), false, NULL },
	{ ACT_SEARCH, 3, 'F', "/", N_("Search"),
	  N_("Search cases by number, party name or IIN; the list narrows as you type."), false, NULL },
	{ ACT_NEW_CASE, 4, 'N', NULL, N_("New case"),
	  N_("Open a new case at the intake stage."), false, NULL },
	{ ACT_ADD_ROW, 4, 'N', NULL, N_("Add"),
	  N_("Add a party, a session or an obligation to the group under the cursor."), false, NULL },
	{ ACT_LANGUAGE, 5, 'L', NULL, N_("Language"),
	  N_("Switch the language: Kazakh, Russian, English. Nothing typed is lost."), false, NULL },
	{ ACT_FILTER, 6, 'T', NULL, N_("Stage"),
	  N_("Show only the cases at one stage; press again for the next stage."), false, NULL },
	{ ACT_TERMINATE, 6, 'T', NULL, N_("Terminate"),
	  N_("Go to the termination page: record the legal ground, then complete it to terminate mediation."), false, NULL },
	{ ACT_PRINT, 7, 'P', NULL, N_("Print"),
	  N_("Render a document of this case for signing or for the register."), false, NULL },
	{ ACT_EXPORT, 8, 'R', NULL, N_("Export"),
	  N_("Export the register to CSV files, in the encoding your spreadsheet needs."), false, NULL },
	{ ACT_REPORT, 7, 'P', NULL, N_("Reports"),
	  N_("Counts by kind of dispute, outcome, referral, month, village and mediator, with early warning of rising disputes and returning parties."), false, NULL },
	{ ACT_CONFLICTS, 2, 'O', NULL, N_("Conflicts"),
	  N_("Resolve the records an import or merge kept aside because they differ from this database: keep this database's version or take the incoming one."), false, NULL },
	{ ACT_REMOVE_ROW, 8, 'K', NULL, N_("Remove"),
	  N_("Remove the party, session or obligation under the cursor (after you confirm; Undo brings it back)."), false, NULL },
	{ ACT_SETTINGS, 9, 'E', NULL, N_("Settings"),
	  N_("Office, mediator, language and backup settings; when and where the last backup was made."), false, NULL },
	{ ACT_UNDO, 9, 'Z', NULL, N_("Undo"),
	  N_("Take back the last saved change of a case; press again to go further back."), false, NULL },
	{ ACT_OPEN, 0, 0, N_("Enter"), N_("Open"),
	  N_("Open the case under the cursor."), false, NULL },
	{ ACT_PAGES, 0, 0, N_("PgUp/Dn"), N_("Stages"),
	  N_("Go to the previous or next stage's page."), false, "PgUp PgDn ^Y ^V" },
	{ ACT_NEXT_PAGE, 0, 'V', NULL, NULL, NULL, false, NULL },
	{ ACT_PREV_PAGE, 0, 'Y', NULL, NULL, NULL, false, NULL },
	{ ACT_NEXT_FIELD, 0, 0, N_("Tab Enter"), N_("Next"),
	  N_("Go to the next field (Tab, Enter, ↓) or the previous one (Shift-Tab, ↑, Ctrl-R); the field you leave is saved."),
	  true, "Tab Enter ↓ | Shift-Tab ↑ ^R" },
	{ ACT_PREV_FIELD, 0, 'R', NULL, NULL, NULL, false, NULL },
	{ ACT_NEXT_FIELD_TAB, 0, 0, N_("Tab"), N_("Next"),
	  N_("Go to the next field (Tab) or the previous one (Shift-Tab, Ctrl-R); in a text of several lines Enter starts a new line. The field you leave is saved."),
	  true, "Tab | Shift-Tab ^R" },
	{ ACT_ESCAPE, 0, 0, N_("Esc"), N_("Leave field"),
	  N_("Leave the field or close a dialog; what you typed is kept, and saved if valid."), true, NULL },
	{ ACT_BACK, 10, 'X', NULL, N_("Cases"),
	  N_("Go back to the case list; the field you were in is saved."), false, NULL },
	{ ACT_QUIT, 10, 'X', NULL, N_("Quit"),
	  N_("Leave bitim. Everything is already saved."), false, NULL },
	{ ACT_DLG_YES, 0, 0, N_("Enter"), N_("Yes"), NULL, false, NULL },
	{ ACT_DLG_NO, 0, 0, N_("Esc"), N_("No"), NULL, false, NULL },
	{ ACT_DLG_CORRECT, 0, 0, N_("Enter"), N_("Correct it"), NULL, false, NULL },
	{ ACT_DLG_DISCARD, 0, 0, N_("Esc"), N_("Leave unsaved"), NULL, false, NULL },
	{ ACT_DLG_SETTINGS, 0, 0, N_("Enter"), N_("Settings now"), NULL, false, NULL },
	{ ACT_DLG_LATER, 0, 0, N_("Esc"), N_("Later"), NULL, false, NULL },
	{ ACT_DLG_CLOSE, 0, 0, N_("Esc Enter"), N_("Close"), NULL, false, NULL },
	{ ACT_DLG_SCROLL, 0, 0, N_("↑↓ PgUp/Dn"), N_("Scroll"), NULL, false, NULL },
	{ ACT_DLG_CHOOSE, 0, 0, N_("↑↓ Enter"), N_("Choose"), NULL, false, NULL },
	{ ACT_DLG_CANCEL, 0, 0, N_("Esc"), N_("Cancel"), NULL, false, NULL },
};

const struct action_def *action_def(enum action a)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].action == a)
			return &table[i];
	return NULL;
}

static bool offers(const enum action *offered, enum action a)
{
	for (; *offered != ACT_NONE; offered++)
		if (*offered == a)
			return true;
	return false;
}

/* Keys that are not in the table's F-key/control columns. */
static enum action other_key(const enum action *offered, bool is_key, wint_t key)
{
	if (is_key && key == KEY_NPAGE && offers(offered, ACT_PAGES))
		return ACT_NEXT_PAGE;
	if (is_key && key == KEY_PPAGE && offers(offered, ACT_PAGES))
		return ACT_PREV_PAGE;
	if (!is_key && key == CTRL('V') && offers(offered, ACT_PAGES))
		return ACT_NEXT_PAGE;
	if (!is_key && key == CTRL('Y') && offers(offered, ACT_PAGES))
		return ACT_PREV_PAGE;
	if (offers(offered, ACT_NEXT_FIELD) || offers(offered, ACT_NEXT_FIELD_TAB)) {
		if ((!is_key && (key == L'\t')) || (is_key && key == KEY_DOWN))
			return ACT_NEXT_FIELD;
		if ((is_key && (key == KEY_BTAB || key == KEY_UP)) || (!is_key && key == CTRL('R')))
			return ACT_PREV_FIELD;
	}
	if (!is_key && key == 27 && offers(offered, ACT_ESCAPE))
		return ACT_ESCAPE;
	if (offers(offered, ACT_OPEN) && ((!is_key && (key == L'\n' || key == L'\r')) || (is_key && key == KEY_ENTER)))
		return ACT_OPEN;
	if (!is_key && key == L'/' && offers(offered, ACT_SEARCH))
		return ACT_SEARCH;
	return ACT_NONE;
}

enum action action_for_key(const enum action *offered, bool is_key, wint_t key)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		const struct action_def *d = &table[i];
		if (!offers(offered, d->action))
			continue;
		if (is_key && d->fkey && key == (wint_t)KEY_F(d->fkey))
			return d->action;
		if (!is_key && d->ctrl && key == (wint_t)CTRL(d->ctrl))
			return d->action;
	}
	/* Ctrl-U is a second key for Undo (as in many editors). */
	if (!is_key && key == CTRL('U') && offers(offered, ACT_UNDO))
		return ACT_UNDO;
	return other_key(offered, is_key, key);
}

const char *action_keys(const struct action_def *d, char *buf, int size)
{
	if (d->fkey && d->ctrl)
		snprintf(buf, (size_t)size, "F%d ^%c", d->fkey, d->ctrl);
	else if (d->fkey)
		snprintf(buf, (size_t)size, "F%d", d->fkey);
	else
		snprintf(buf, (size_t)size, "%s", d->other ? _(d->other) : "");
	return buf;
}

const char *action_all_keys(const struct action_def *d, char *buf, int size)
{
	if (d->more)
		snprintf(buf, (size_t)size, "%s", d->more);
	else if (d->action == ACT_UNDO)
		snprintf(buf, (size_t)size, "F9 ^Z ^U");
	else
		action_keys(d, buf, size);
	return buf;
}
