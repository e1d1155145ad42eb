/* Modal dialogs drawn over the current screen. Each survives resizes and
 * returns "cancelled" when SIGTERM or SIGHUP asks bitim to stop. */
#ifndef BITIM_TUI_DIALOG_H
#define BITIM_TUI_DIALOG_H

#include <stdbool.h>
#include <stddef.h>
#include "app.h"

/* Ask a yes/no question; Enter or Y means yes, Esc or N means no. Title
 * and text are msgids or already translated text (F5 redraws them). */
bool dialog_confirm(struct app *app, const char *title, const char *text);

/* Ask a question whose two answers are the actions yes (Enter) and no (Esc),
 * shown with their labels on the box and the key bar; true for yes. */
bool dialog_ask(struct app *app, const char *title, const char *text, enum action yes, enum action no);

/* dialog_text that, when close_on_language is set, closes after F5 and
 * returns true so the caller can show the text anew in the new language;
 * *top (when given) keeps the scroll position across. */
bool dialog_text_lang(struct app *app, const char *title, const char *text, bool close_on_language, size_t *top);

/* Show a text (scrollable with the arrows and PgUp/PgDn) until Esc or Enter. */
void dialog_text(struct app *app, const char *title, const char *text);

/* Choose one of n labels; returns the index, or -1 when cancelled. */
int dialog_pick(struct app *app, const char *title, const char *const *labels, size_t n, int current);

#endif
