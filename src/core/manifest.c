/* The manifest of a register folder (bitim export --table all): which office
 * wrote it, and per table file its rows and SHA-256. Written last, so a
 * folder whose export was interrupted, or whose files were changed, cut or
 * mixed with another office's since, is refused by import. */
#include <config.h>
#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/fileio.h"
#include "bitim/i18n.h"
#include "bitim/manifest.h"

#define HEADER "bitim register manifest 1"

/* SHA-256 of a file as hex; -1 when it cannot be read. */
static int file_sha256(const char *path, char hex[MANIFEST_HASH_BUF])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE], buf[1 << 16];
	FILE *fp = file_open_regular(path);
	size_t n;

	if (!fp)
		return -1;
	sha256_init(&ctx);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sha256_update(&ctx, n, buf);
	if (ferror(fp)) {
		fclose(fp);
		return -1;
	}
	fclose(fp);
	sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	return 0;
}

int manifest_write(const char *dir, const char *office_uuid, const char *office_code,
		   const struct manifest_entry *files, size_t n)
{
	char *text = NULL, path[4096], hex[MANIFEST_HASH_BUF];
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	int rc = -1;

	if (!out)
		return -1;
	fprintf(out, "%s\noffice %s %s\n", HEADER, office_uuid, office_code);
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
		if (file_sha256(path, hex) < 0) {
			fclose(out);
			free(text);
			return -1;
		}
		fprintf(out, "table %s %zu %s\n", files[i].name, files[i].rows, hex);
	}
	if (fclose(out) == 0) {
		snprintf(path, sizeof path, "%s/%s", dir, MANIFEST_NAME);
		rc = file_write_atomic(path, text, len);
	}
	free(text);
	return rc;
}

/* "NAME: reason", the reason translated. */
static void say(char *why, size_t size, const char *reason, const char *name)
{
	snprintf(why, size, "%s: %s", name, _(reason));
}

int manifest_check(const char *dir, struct manifest *out, char *why, size_t why_size)
{
	char path[4096], line[1024], hex[MANIFEST_HASH_BUF];
	FILE *fp;
	int rc = -1;

	memset(out, 0, sizeof *out);
	snprintf(path, sizeof path, "%s/%s", dir, MANIFEST_NAME);
	if (!(fp = file_open_regular(path))) {
		say(why, why_size, N_("missing: the export was not finished, or this is not a folder bitim wrote;"
				      " export the register again"), MANIFEST_NAME);
		return -1;
	}
	if (!fgets(line, sizeof line, fp) || strcmp(line, HEADER "\n") != 0 ||
	    !fgets(line, sizeof line, fp) ||
	    sscanf(line, "office %36s %7s", out->office_uuid, out->office_code) != 2) {
		say(why, why_size, N_("not a manifest bitim writes"), MANIFEST_NAME);
		goto out;
	}
	while (fgets(line, sizeof line, fp)) {
		struct manifest_entry *e = &out->files[out->n];
		char name[64], want[MANIFEST_HASH_BUF];
		if (out->n >= MANIFEST_MAX_FILES || sscanf(line, "table %63s %zu %64s", name, &e->rows, want) != 3 ||
		    strchr(name, '/') || name[0] == '.') {
			say(why, why_size, N_("not a manifest bitim writes"), MANIFEST_NAME);
			goto out;
		}
		snprintf(e->name, sizeof e->name, "%s", name);
		snprintf(path, sizeof path, "%s/%s", dir, name);
		if (file_sha256(path, hex) < 0) {
			say(why, why_size, N_("listed in the manifest but cannot be read; export the register again"), name);
			goto out;
		}
		if (strcmp(hex, want) != 0) {
			say(why, why_size, N_("differs from what the export wrote (its fingerprint disagrees with the manifest):"
					      " it was changed, cut or replaced since; export the register again"), name);
			goto out;
		}
		out->n++;
	}
	rc = 0;
out:
	fclose(fp);
	return rc;
}

bool manifest_lists(const struct manifest *m, const char *name)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->files[i].name, name) == 0)
			return true;
	return false;
}
