/* Fuzzing the validators and date parsing with any text. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/date.h"
#include "bitim/search.h"
#include "bitim/validate.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), phone[PHONE_BUF], *out = NULL;
	bitim_day d;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	validate_iin(text);
	validate_bin(text);
	validate_phone(text, phone);
	if (!validate_text(text, size % 2, &out))
		free(out);
	date_parse_user(text, &d);
	date_parse_iso(text, &d);
	free(search_fold(text));
	free(text);
	return 0;
}
