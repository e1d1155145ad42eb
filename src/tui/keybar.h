/* The two bottom lines: the keys that work on the current screen. */
#ifndef BITIM_TUI_KEYBAR_H
#define BITIM_TUI_KEYBAR_H

#include "actions.h"

#define KEYBAR_ROWS 2

/* Draw the offered actions (that have a label) at row y, width cols. */
void keybar_draw(int y, int cols, const enum action *offered);

#endif
