/* Checkpoints of the write-ahead log in a thread, while the interface writes
 * many small transactions between keys (the deadlines' refresh): SQLite's
 * automatic checkpoint would otherwise copy the log into the file, and sync
 * it, in the very transaction that a key waits for. */
#include <config.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include "store_internal.h"

/* How often the thread copies the log into the file. */
#define CHECKPOINT_EVERY_MS 100
/* SQLite's own default, given back when the thread stops. */
#define AUTOCHECKPOINT_PAGES 1000

struct store_checkpointer {
	struct store *s;        /* borrowed */
	sqlite3 *db;            /* the thread's connection; owned */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;              /* under lock */
};

static void *run(void *arg)
{
	struct store_checkpointer *c = arg;
	bool stop = false;

	while (!stop) {
		struct timespec until;
		/* PASSIVE: copies what no reader still needs and waits for nobody. */
		sqlite3_wal_checkpoint_v2(c->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += CHECKPOINT_EVERY_MS * 1000000L;
		until.tv_sec += until.tv_nsec / 1000000000L;
		until.tv_nsec %= 1000000000L;
		pthread_mutex_lock(&c->lock);
		while (!c->stop && pthread_cond_timedwait(&c->wake, &c->lock, &until) != ETIMEDOUT)
			;
		stop = c->stop;
		pthread_mutex_unlock(&c->lock);
	}
	return NULL;
}

struct store_checkpointer *store_checkpointer_start(struct store *s)
{
	struct store_checkpointer *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	c->s = s;
	if (sqlite3_open_v2(s->path, &c->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(c->db);
		free(c);
		return NULL;
	}
	/* The same durability as the store's own checkpoints. */
	sqlite3_exec(c->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->wake, NULL);
	if (pthread_create(&c->thread, NULL, run, c) != 0) {
		pthread_cond_destroy(&c->wake);
		pthread_mutex_destroy(&c->lock);
		sqlite3_close(c->db);
		free(c);
		return NULL;
	}
	sqlite3_wal_autocheckpoint(s->db, 0);
	return c;
}

void store_checkpointer_stop(struct store_checkpointer *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&c->lock);
	c->stop = true;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	sqlite3_wal_autocheckpoint(c->s->db, AUTOCHECKPOINT_PAGES);
	pthread_cond_destroy(&c->wake);
	pthread_mutex_destroy(&c->lock);
	sqlite3_close(c->db);
	free(c);
}
