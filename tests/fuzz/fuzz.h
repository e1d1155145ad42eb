/* The entry point every fuzzing harness defines (libFuzzer's). */
#ifndef BITIM_FUZZ_H
#define BITIM_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
