/* Private to the forms loader: splitting definition files into tokens. */
#ifndef BITIM_FORM_LEX_H
#define BITIM_FORM_LEX_H

#include <stdbool.h>
#include <stddef.h>

/* A word, a "quoted string", or key=value (value possibly quoted). */
struct token {
	char *key;   /* NULL unless key=value; owned */
	char *value; /* owned */
	bool quoted; /* the value was written in quotes */
};

/* One logical line: continuation lines joined, comments removed. */
struct logical_line {
	struct token *tokens; /* owned */
	size_t ntokens;
	int line;             /* the first physical line */
};

struct lexed_file {
	struct logical_line *lines; /* owned; only lines with tokens */
	size_t nlines;
};

/* Read and split path. Returns 0, or -1 with a msgid in *err and the line in *err_line. */
int lex_file(const char *path, struct lexed_file *out, const char **err, int *err_line);
void lex_free(struct lexed_file *f);

#endif
