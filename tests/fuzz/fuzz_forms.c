/* Fuzzing the forms loader: the input replaces one form of a copy of the
 * shipped forms (the first byte picks which), and is loaded as a whole. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bitim/form.h"
#include "fuzz.h"

static char dir[1024];

/* A private copy of the forms folder, made once. */
static int setup(void)
{
	static const char *const files[] = { "choices.def", "procedure.def", "intake.form", "consent.form",
		"contract.form", "sessions.form", "settlement.form", "followup.form", "termination.form", NULL };
	const char *src = getenv("BITIM_FORMS") ? getenv("BITIM_FORMS") : "forms";
	char from[4096], to[2048], buf[65536];

	if (dir[0])
		return 0;
	snprintf(dir, sizeof dir, "%s/bitim-fuzz-forms-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	for (int i = 0; files[i]; i++) {
		snprintf(from, sizeof from, "%s/%s", src, files[i]);
		snprintf(to, sizeof to, "%s/%s", dir, files[i]);
		FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
		if (!in || !out)
			return -1;
		size_t n = fread(buf, 1, sizeof buf, in);
		fwrite(buf, 1, n, out);
		fclose(in);
		fclose(out);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const targets[] = { "choices.def", "procedure.def", "intake.form", "settlement.form" };
	char path[2048], backup[2100];
	struct procedure *p = NULL;
	struct form_error err;

	if (size < 1 || setup() < 0)
		return 0;
	snprintf(path, sizeof path, "%s/%s", dir, targets[data[0] % 4]);
	snprintf(backup, sizeof backup, "%s.orig", path);
	rename(path, backup);
	FILE *fp = fopen(path, "wb");
	if (fp) {
		fwrite(data + 1, 1, size - 1, fp);
		fclose(fp);
		if (procedure_load(dir, &p, &err) == BITIM_OK)
			procedure_free(p);
	}
	rename(backup, path);
	return 0;
}
