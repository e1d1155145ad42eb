/* Random (version 4) UUIDs, for merging offices' registers without clashes. */
#include <config.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include "store_internal.h"

/* Random bytes are fetched from the kernel a page at a time: bulk work makes
 * hundreds of thousands of UUIDs, and a system call each would dominate. */
static void random_bytes(unsigned char *out, size_t n)
{
	static unsigned char pool[4096];
	static size_t left;

	if (left < n) {
		if (getrandom(pool, sizeof pool, 0) != (ssize_t)sizeof pool) {
			/* No kernel randomness (very old kernels): SQLite's PRNG is
			 * seeded from the OS and is good enough to keep UUIDs apart. */
			sqlite3_randomness((int)sizeof pool, pool);
		}
		left = sizeof pool;
	}
	memcpy(out, pool + sizeof pool - left, n);
	memset(pool + sizeof pool - left, 0, n); /* a used byte is never handed out twice */
	left -= n;
}

void store_uuid(char out[UUID_BUF])
{
	unsigned char b[16];

	random_bytes(b, sizeof b);
	b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
	snprintf(out, UUID_BUF,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
		 b[12], b[13], b[14], b[15]);
}
