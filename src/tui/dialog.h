/* Modal dialogs drawn over the current screen. Each survives resizes and
 * returns "cancelled" when SIGTERM or SIGHUP asks bitim to stop. */
#ifndef BITIM_TUI_DIALOG_H
#define BITIM_TUI_DIALOG_H

#include <stdbool.h>
#include <stddef.h>
#include "app.h"

/* Ask a yes/no question; Enter or Y means yes, Esc or N means no. */
bool dialog_confirm(struct app *app, const char *title, const char *text);

/* Show a text (scrollable with the arrows and PgUp/PgDn) until Esc or Enter. */
void dialog_text(struct app *app, const char *title, const char *text);

/* Choose one of n labels; returns the index, or -1 when cancelled. */
int dialog_pick(struct app *app, const char *title, const char *const *labels, size_t n, int current);

#endif
