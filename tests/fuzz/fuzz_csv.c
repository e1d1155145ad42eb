/* Fuzzing the CSV reader with any bytes, in every encoding it detects. */
#include <config.h>
#include <stdio.h>
#include <string.h>
#include "bitim/csv.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int enc = -1; enc < CSV_ENCODING_COUNT; enc++) {
		FILE *in = fmemopen((void *)data, size ? size : 1, "rb");
		struct csv_reader *r;
		char **fields;
		size_t n;
		if (!in)
			return 0;
		if (size && csv_reader_new(in, enc, 0, &r) == BITIM_OK) {
			while (csv_read_row(r, &fields, &n) == BITIM_OK)
				for (size_t i = 0; i < n; i++)
					csv_unneutralise(fields[i]);
			csv_reader_free(r);
		}
		fclose(in);
	}
	return 0;
}
