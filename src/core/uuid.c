/* Random (version 4) UUIDs, for merging offices' registers without clashes. */
#include <config.h>
#include <stdio.h>
#include <sys/random.h>
#include "store_internal.h"

void store_uuid(char out[UUID_BUF])
{
	unsigned char b[16];
	ssize_t got = getrandom(b, sizeof b, 0);

	if (got != (ssize_t)sizeof b) {
		/* No kernel randomness (very old kernels): SQLite's PRNG is seeded
		 * from the OS and is good enough to keep UUIDs apart. */
		sqlite3_randomness((int)sizeof b, b);
	}
	b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
	snprintf(out, UUID_BUF,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
		 b[12], b[13], b[14], b[15]);
}
