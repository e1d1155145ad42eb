/* Without libFuzzer: replay every file of the given corpus folders through the
 * harness, as one TAP test per folder (what `make check` runs). */
#include <config.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"

static int replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *buf;
	size_t n;

	if (!fp)
		return -1;
	buf = malloc(1 << 20);
	n = buf ? fread(buf, 1, 1 << 20, fp) : 0;
	fclose(fp);
	if (!buf)
		return -1;
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	printf("1..%d\n", argc - 1);
	for (int i = 1; i < argc; i++) {
		DIR *d = opendir(argv[i]);
		struct dirent *e;
		int count = 0, failed = 0;
		char path[4096];

		while (d && (e = readdir(d))) {
			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
			if (replay_file(path) < 0)
				failed++;
			count++;
		}
		if (d)
			closedir(d);
		/* A crash or a sanitizer report ends the program: reaching here is a pass. */
		printf("%s %d - %s: %d inputs replayed\n", d && !failed && count ? "ok" : "not ok", i, argv[i], count);
	}
	return 0;
}
