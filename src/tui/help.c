/* F1: help for the screen, the field under the cursor and the stage. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/i18n.h"
#include "dialog.h"
#include "formview.h"
#include "draw.h"
#include "help.h"

/* Keys of the editor, which are not actions of the table. */
static const char *const editing_keys[] = {
	N_("← → Home End (Ctrl-A, Ctrl-E): move in the text"),
	N_("Backspace, Delete (Ctrl-D): delete a character; Ctrl-W: delete the word before the cursor"),
	N_("↑ ↓: previous or next field (in a text of several lines: previous or next line)"),
	N_("Shift-Tab: previous field"),
};

/* The help text for the current screen and field, in the current language. */
static char *help_text(struct app *app)
{
	const enum action *offered = app->screen->actions(app);
	char *text = NULL, *field;
	const char *law, *trainee = NULL, *hint, *line;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (!out)
		return NULL;
	field = app->screen->field_help ? app->screen->field_help(app) : NULL;
	if (field) {
		size_t n = strlen(field);
		while (n > 0 && field[n - 1] == '\n')
			field[--n] = '\0';
		fprintf(out, "%s\n\n", field);
		free(field);
	}
	/* The whole of what the message line shows, when it was cut: the last
	 * message, else the hint, else the work done between keys. */
	hint = !app->message[0] && app->screen->hint ? app->screen->hint(app) : NULL;
	line = app->message[0] ? app->message : hint ? _(hint) : app->status;
	if (*line && text_width(line) > app->cols)
		fprintf(out, "%s\n%s\n\n", _("Message:"), line);
	law = app->screen->stage_help ? app->screen->stage_help(app, &trainee) : NULL;
	if (law)
		fprintf(out, "%s\n%s\n\n", _("What the law requires now:"), _(law));
	if (trainee && *trainee)
		fprintf(out, "%s\n%s\n\n", _("For trainees:"), _(trainee));
	fprintf(out, "%s\n", _("Keys on this screen:"));
	for (; *offered != ACT_NONE; offered++) {
		const struct action_def *d = action_def(*offered);
		char keys[64];
		if (!d || !d->label)
			continue;
		fprintf(out, "  %s\t%s\n", action_all_keys(d, keys, sizeof keys), _(d->help));
	}
	if (app->screen == &screen_case || app->screen == &screen_settings) {
		fprintf(out, "\n%s\n", _("Editing:"));
		for (size_t i = 0; i < sizeof editing_keys / sizeof editing_keys[0]; i++)
			fprintf(out, "  • %s\n", _(editing_keys[i]));
		fprintf(out, "  • %s\n  • %s\n", _(fv_choice_hint), _(fv_names_hint));
		/* Only where F9 is Undo: on the case list it opens the settings. */
		fprintf(out, "\n%s", _("Every field is saved when you leave it. Nothing you type is thrown away: a wrong change is taken back with Undo (F9 or Ctrl-Z)."));
	}
	fclose(out);
	return text;
}

void help_show(struct app *app)
{
	size_t top = 0;
	bool again;

	/* F5 inside help switches the language and shows the help anew in it. */
	do {
		char *text = help_text(app);
		if (!text)
			return;
		again = dialog_text_lang(app, N_("Help"), text, true, &top);
		free(text);
	} while (again && !app_stop_requested());
}
