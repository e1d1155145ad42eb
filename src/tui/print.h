/* F7: render a case's document, save it as text and HTML, and print it. */
#ifndef BITIM_TUI_PRINT_H
#define BITIM_TUI_PRINT_H

#include "app.h"
#include "bitim/procedure.h"

/* The folder documents are saved in, made when missing (0700):
 * $BITIM_DOCUMENTS, else ~/bitim-documents; with sub, a folder inside it.
 * malloc'd; NULL when it cannot be made. */
char *documents_dir(const char *sub);

/* Ask which document and language, render it, save both formats and, where
 * `lp` exists, offer to send the text to the default printer. When data is
 * missing, *why lists it (the caller shows it) and false is returned. */
bool print_case(struct app *app, int64_t case_id, struct problems *why);

/* Completing the settlement stage: ask which printed version the parties
 * signed (the case's language or kk+ru; no question when there is one).
 * false when the user cancelled. */
bool print_pick_signed_version(struct app *app, const struct case_data *cd, const char **version);

#endif
