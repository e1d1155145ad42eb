/* The help screen (F1): the keys of the current screen, generated from the
 * action table, with the field's help and the stage's legal requirements. */
#ifndef BITIM_TUI_HELP_H
#define BITIM_TUI_HELP_H

#include "app.h"

void help_show(struct app *app);

#endif
