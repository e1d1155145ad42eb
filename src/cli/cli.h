/* The command line: options shared by every command, and the commands. */
#ifndef BITIM_CLI_H
#define BITIM_CLI_H

#include <stdbool.h>
#include <getopt.h>
#include "bitim/form.h"
#include "bitim/store.h"

/* Exit statuses of every command. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Options given before the command. */
struct cli_options {
	const char *db;    /* --db PATH, or NULL for the default */
	const char *forms; /* --forms DIR, or NULL */
	const char *lang;  /* --lang CODE, or NULL */
};

/* Long options every command accepts, before or after its name. */
#define CLI_COMMON_LONGOPTS \
	{ "db", required_argument, NULL, 'd' }, \
	{ "forms", required_argument, NULL, 'f' }, \
	{ "lang", required_argument, NULL, 'L' }

/* Take one of the common options; false if opt is not one. Exits on a bad --lang. */
bool cli_common_option(struct cli_options *o, int opt, const char *arg);

/* getopt_long that says what is wrong itself (translated, the option
 * escaped) and returns '?' then; the caller only returns EXIT_USAGE. */
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts);

/* Where bitim's data files are: the build tree when it runs uninstalled. */
const char *cli_forms_dir(const struct cli_options *o);
const char *cli_locale_dir(void);

/* The database path (malloc'd), or NULL with a message printed. */
char *cli_db_path(const struct cli_options *o);

/* Whether the folder that holds path exists; says so when it does not. */
bool cli_check_folder(const char *path);

/* Load the procedure, printing file:line: reason on error. */
struct procedure *cli_load_procedure(const struct cli_options *o);

/* When the forms differ from those the database last saw, recompute the
 * open cases' cached deadlines (a failure is told, not fatal). */
void cli_refresh_deadlines(const struct cli_options *o, struct store *s, const struct procedure *p);
/* Record that the database's deadlines were made for the forms in use. */
bool cli_mark_deadlines_current(const struct cli_options *o, struct store *s);

/* Open the database, creating its folder when it is the default one;
 * prints what is wrong and what to do on error. The first open of a day
 * makes an automatic backup (backup.h). */
struct store *cli_open_store(const struct cli_options *o);
/* The same without the day's backup (the interface makes it between keys). */
struct store *cli_open_store_nobackup(const struct cli_options *o);

/* Print "bitim: <message>" to stderr; the format is already translated.
 * Control characters in the message are shown escaped, never sent raw. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* text with its control characters escaped, for a message on stdout; valid
 * until eight more calls. */
const char *cli_safe(const char *text);

/* Write a file whole or not at all: a temporary file beside it, synced,
 * then renamed; mode 0600. Says what went wrong; 0 on success. */
int cli_write_file(const char *path, const char *data, size_t len);

/* Read a whole file (at most 64 MiB), saying what went wrong. malloc'd. */
char *cli_read_file(const char *path, size_t *len);

/* Commands: argv[0] is the command's name. */
int cmd_check(struct cli_options *o, int argc, char **argv);
int cmd_print(struct cli_options *o, int argc, char **argv);
int cmd_verify(struct cli_options *o, int argc, char **argv);
int cmd_export(struct cli_options *o, int argc, char **argv);
int cmd_import(struct cli_options *o, int argc, char **argv);
int cmd_merge(struct cli_options *o, int argc, char **argv);
int cmd_conflicts(struct cli_options *o, int argc, char **argv);
int cmd_report(struct cli_options *o, int argc, char **argv);
int cmd_demo(struct cli_options *o, int argc, char **argv);
int cmd_backup(struct cli_options *o, int argc, char **argv);
int cmd_restore(struct cli_options *o, int argc, char **argv);

/* No command: the terminal interface. */
int cmd_tui(struct cli_options *o);

#endif
