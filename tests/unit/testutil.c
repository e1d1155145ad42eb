/* Helpers shared by the unit tests. */
#include "testutil.h"
#include <ftw.h>
#include <unistd.h>
#include "bitim/store.h"

char *test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *path;

	if (!base || !*base)
		base = "/tmp";
	if (asprintf(&path, "%s/bitim-test-XXXXXX", base) < 0)
		return NULL;
	if (!mkdtemp(path)) {
		free(path);
		return NULL;
	}
	return path;
}

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(path);
}

void test_rmtree(const char *dir)
{
	if (dir)
		nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *test_forms_dir(void)
{
	static char path[4096];
	const char *srcdir = getenv("srcdir");

	snprintf(path, sizeof path, "%s/forms", srcdir && *srcdir ? srcdir : ".");
	return path;
}

struct store *test_store_new(char **dir)
{
	struct store *s = NULL;
	char path[4096];

	*dir = test_tmpdir();
	if (!*dir)
		return NULL;
	snprintf(path, sizeof path, "%s/bitim.db", *dir);
	return store_open(path, &s) == BITIM_OK ? s : NULL;
}

void test_store_done(struct store *s, char *dir)
{
	store_close(s);
	test_rmtree(dir);
	free(dir);
}
