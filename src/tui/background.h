/* Work done while the interface waits for a key, so the first screen never
 * waits for it: the open cases' deadlines recomputed after the forms
 * changed, then the day's first automatic backup. Each is done in slices of
 * a few milliseconds between keys; the message line tells how far it came. */
#ifndef BITIM_TUI_BACKGROUND_H
#define BITIM_TUI_BACKGROUND_H

#include <stdbool.h>
#include <stdint.h>

struct app;

/* How long one slice of work may keep a key waiting. */
#define BACKGROUND_SLICE_MS 5

/* Begin: the deadlines' refresh when the forms' fingerprint is not the one
 * the database last saw (before the first screen, so that no deadline is
 * shown as current that is not); the backup starts at the first idle moment. */
void background_open(struct app *app, const char *forms_fingerprint);

/* How long the main loop may wait for a key: 0 when there is work to do
 * now, a little when only a thread is being waited for, -1 when idle. */
int background_wait_ms(const struct app *app);

/* One slice of work; true when what the screen shows changed (the status
 * line, or cases' deadlines). */
bool background_work(struct app *app);

/* A key was pressed: a finished task's line gives way, once it was seen. */
void background_key(struct app *app);

/* Whether the day's backup is being made now. */
bool background_backup_running(void);

/* The language changed: the status line is told again in the new one. */
void background_language(struct app *app);

/* Whether a case's cached deadline is the one of the current forms; a case
 * not yet recomputed is shown as being recalculated, never as certain. */
bool background_deadline_current(const struct app *app, int64_t case_id);

/* A case is being opened: its deadline is recomputed first if it waits. */
void background_case_opened(struct app *app, int64_t case_id);

/* Stop at quit: the deadlines' refresh goes on next time from where it
 * stopped; a backup not finished leaves no file and is made next time.
 * Returns a message for the terminal once the interface has ended (a
 * translated string), or NULL. */
const char *background_close(struct app *app);

#endif
