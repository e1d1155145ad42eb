#!/bin/sh
# Replay one harness's corpus: tests/fuzz/NAME.fuzz runs fuzz_NAME over corpus/NAME.
name=$(basename "$1" .fuzz)
dir=$(dirname "$1")
BITIM_FORMS=${srcdir:-.}/forms
export BITIM_FORMS
exec "./tests/fuzz/fuzz_$name" "$dir/corpus/$name"
