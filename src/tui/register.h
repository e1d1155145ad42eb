/* The case list's register actions: F8 export to CSV, F7 reports. */
#ifndef BITIM_TUI_REGISTER_H
#define BITIM_TUI_REGISTER_H

#include "app.h"

/* Ask for the encoding and write every table into a dated folder. */
void register_export(struct app *app);

/* Show the report of all cases, with early warning. */
void register_report(struct app *app);

#endif
