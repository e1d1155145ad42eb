/* Writing files whole or not at all: a temporary file beside the target,
 * synced, renamed over it. Only a regular file is replaced that way (through
 * a symbolic link, the file it names); a device, FIFO or terminal is written
 * in place, and "-" is standard output. A temporary is hidden, named with the
 * writer's process id, removed on SIGINT/SIGTERM/SIGHUP, and one left by a
 * killed writer is removed by the next write into the same folder. */
#include <config.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bitim/fileio.h"

#define TMP_TAG ".bitim-tmp-"

/* Temporaries being written, for the signal handler (async-signal-safe: fixed buffers). */
#define MAX_PENDING 8
static char pending[MAX_PENDING][PATH_MAX];
static volatile sig_atomic_t npending_set[MAX_PENDING];
static bool handlers_installed;

static void on_signal(int sig)
{
	for (int i = 0; i < MAX_PENDING; i++)
		if (npending_set[i])
			unlink(pending[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void remember(const char *tmp)
{
	if (!handlers_installed) {
		/* Only where nobody else handles these (the TUI restores the terminal itself). */
		static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
		for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
			struct sigaction old;
			if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL)
				signal(sigs[i], on_signal);
		}
		handlers_installed = true;
	}
	for (int i = 0; i < MAX_PENDING; i++)
		if (!npending_set[i] && strlen(tmp) < PATH_MAX) {
			strcpy(pending[i], tmp);
			npending_set[i] = 1;
			return;
		}
}

static void forget(const char *tmp)
{
	for (int i = 0; i < MAX_PENDING; i++)
		if (npending_set[i] && strcmp(pending[i], tmp) == 0)
			npending_set[i] = 0;
}

/* Remove temporaries in dir that writers killed outright left behind. */
static void sweep(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		const char *tag = strstr(e->d_name, TMP_TAG);
		long pid;
		char *end, path[PATH_MAX];
		if (e->d_name[0] != '.' || !tag)
			continue;
		pid = strtol(tag + strlen(TMP_TAG), &end, 10);
		if (pid <= 0 || *end != '-' || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue; /* its writer is alive */
		if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) < (int)sizeof path)
			unlink(path);
	}
	if (d)
		closedir(d);
}

/* The folder and the name of path, malloc'd. */
static int split(const char *path, char **dir, char **name)
{
	const char *slash = strrchr(path, '/');

	*dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	*name = strdup(slash ? slash + 1 : path);
	return *dir && *name ? 0 : -1;
}

int atomic_open(struct atomic_file *f, const char *path)
{
	struct stat sb;
	char *dir = NULL, *name = NULL, *target = NULL;
	int fd = -1, saved;

	memset(f, 0, sizeof *f);
	if (strcmp(path, "-") == 0) {
		f->fp = stdout;
		f->direct = true;
		return 0;
	}
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		/* A device, FIFO or terminal: written in place, never replaced. */
		if (S_ISDIR(sb.st_mode)) {
			errno = EISDIR;
			return -1;
		}
		if ((fd = open(path, O_WRONLY | O_NOCTTY)) < 0 || !(f->fp = fdopen(fd, "wb"))) {
			saved = errno;
			if (fd >= 0)
				close(fd);
			errno = saved;
			return -1;
		}
		f->direct = true;
		return 0;
	}
	/* Through a symbolic link, the file it names is the one replaced. */
	target = realpath(path, NULL);
	if (!target && !(target = strdup(path)))
		return -1;
	if (split(target, &dir, &name) < 0 ||
	    asprintf(&f->tmp, "%s/.%s" TMP_TAG "%ld-XXXXXX", dir, name, (long)getpid()) < 0) {
		f->tmp = NULL;
		goto fail;
	}
	sweep(dir);
	f->path = target;
	target = NULL;
	if ((fd = mkstemp(f->tmp)) < 0)
		goto fail;
	remember(f->tmp);
	if (fchmod(fd, 0600) < 0 || !(f->fp = fdopen(fd, "wb")))
		goto fail;
	free(dir);
	free(name);
	return 0;
fail:
	saved = errno;
	if (fd >= 0) {
		close(fd);
		unlink(f->tmp);
		forget(f->tmp);
	}
	free(f->tmp);
	free(f->path);
	free(target);
	free(dir);
	free(name);
	memset(f, 0, sizeof *f);
	errno = saved;
	return -1;
}

int atomic_commit(struct atomic_file *f)
{
	int rc = 0, saved = 0;

	if (fflush(f->fp) != 0)
		rc = -1, saved = errno;
	if (f->direct) {
		if (f->fp != stdout && fclose(f->fp) != 0 && rc == 0)
			rc = -1, saved = errno;
		errno = saved;
		return rc;
	}
	if (rc == 0 && fsync(fileno(f->fp)) < 0)
		rc = -1, saved = errno;
	if (fclose(f->fp) != 0 && rc == 0)
		rc = -1, saved = errno;
	if (rc == 0 && rename(f->tmp, f->path) < 0)
		rc = -1, saved = errno;
	if (rc < 0)
		unlink(f->tmp);
	forget(f->tmp);
	free(f->tmp);
	free(f->path);
	errno = saved;
	return rc;
}

void atomic_abort(struct atomic_file *f)
{
	if (f->direct) {
		if (f->fp != stdout)
			fclose(f->fp);
		else
			fflush(stdout);
		return;
	}
	fclose(f->fp);
	unlink(f->tmp);
	forget(f->tmp);
	free(f->tmp);
	free(f->path);
}

int file_write_atomic(const char *path, const char *data, size_t len)
{
	struct atomic_file f;

	if (atomic_open(&f, path) < 0)
		return -1;
	if (len > 0 && fwrite(data, 1, len, f.fp) != len) {
		int saved = errno ? errno : EIO;
		atomic_abort(&f);
		errno = saved;
		return -1;
	}
	return atomic_commit(&f);
}

void file_safe_name(const char *text, char *out, size_t size)
{
	size_t o = 0;

	for (const unsigned char *c = (const unsigned char *)(text ? text : ""); *c && o + 1 < size; c++) {
		bool keep = (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' ||
			    *c == '_';
		out[o++] = keep ? (char)*c : '_';
	}
	if (o == 0 && size > 1)
		out[o++] = '_';
	if (size > 0)
		out[o] = '\0';
}

bool file_inside(const char *dir, const char *path)
{
	size_t n = strlen(dir);
	const char *rest = path + n;

	return strncmp(path, dir, n) == 0 && *rest == '/' && rest[1] && !strchr(rest + 1, '/') && strcmp(rest + 1, ".") != 0 &&
	       strcmp(rest + 1, "..") != 0;
}

FILE *file_open_regular(const char *path)
{
	/* Not blocking: opening a FIFO for reading would wait for a writer. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), flags;
	struct stat sb;
	FILE *fp;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		errno = ENODEV;
		return NULL;
	}
	if ((flags = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0 || !(fp = fdopen(fd, "rb"))) {
		close(fd);
		return NULL;
	}
	return fp;
}
