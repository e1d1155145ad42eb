/* Common includes and helpers for the cmocka unit tests. */
#ifndef BITIM_TESTUTIL_H
#define BITIM_TESTUTIL_H

#include <config.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* A fresh temporary directory for one test (mkdtemp under TMPDIR). Caller frees. */
char *test_tmpdir(void);

/* Remove a directory tree made by test_tmpdir. */
void test_rmtree(const char *dir);

struct store;

/* A new database in a fresh temporary directory (*dir, to free with
 * test_store_done). Returns NULL on failure. */
struct store *test_store_new(char **dir);

/* Close what test_store_new made and remove its folder. */
void test_store_done(struct store *s, char *dir);

/* The forms folder of the source tree (srcdir/forms). */
const char *test_forms_dir(void);

#endif
