/* The records an import or merge kept aside, resolved from the case list. */
#ifndef BITIM_TUI_CONFLICTS_VIEW_H
#define BITIM_TUI_CONFLICTS_VIEW_H

#include "app.h"

/* Pick a waiting conflict, read its differences, and keep this database's
 * version or take the incoming one; again until Esc or none is left. */
void conflicts_resolve(struct app *app);

#endif
