/* Atomic file writes: a temporary file, fsync, rename. */
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bitim/fileio.h"

int file_write_atomic(const char *path, const char *data, size_t len)
{
	char *tmp = NULL;
	size_t done = 0;
	int fd, saved;

	if (asprintf(&tmp, "%s.XXXXXX", path) < 0)
		return -1;
	fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	fchmod(fd, 0600);
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (done < len || fsync(fd) < 0) {
		saved = errno ? errno : EIO;
		close(fd);
		goto fail;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		saved = errno;
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	unlink(tmp);
	free(tmp);
	errno = saved;
	return -1;
}

int atomic_open(struct atomic_file *f, const char *path)
{
	int fd;

	memset(f, 0, sizeof *f);
	f->path = strdup(path);
	if (!f->path || asprintf(&f->tmp, "%s.XXXXXX", path) < 0) {
		free(f->path);
		return -1;
	}
	fd = mkstemp(f->tmp);
	if (fd < 0 || fchmod(fd, 0600) < 0 || !(f->fp = fdopen(fd, "wb"))) {
		int saved = errno;
		if (fd >= 0) {
			close(fd);
			unlink(f->tmp);
		}
		free(f->tmp);
		free(f->path);
		errno = saved;
		return -1;
	}
	return 0;
}

int atomic_commit(struct atomic_file *f)
{
	int rc = 0, saved = 0;

	if (fflush(f->fp) != 0 || fsync(fileno(f->fp)) < 0)
		rc = -1, saved = errno;
	if (fclose(f->fp) != 0 && rc == 0)
		rc = -1, saved = errno;
	if (rc == 0 && rename(f->tmp, f->path) < 0)
		rc = -1, saved = errno;
	if (rc < 0)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	errno = saved;
	return rc;
}

void atomic_abort(struct atomic_file *f)
{
	fclose(f->fp);
	unlink(f->tmp);
	free(f->tmp);
	free(f->path);
}
