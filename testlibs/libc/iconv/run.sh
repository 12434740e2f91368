#!/bin/bash
# iconv: UTF-8, ASCII, ISO-8859-1, UTF-16/32 (BOM handling, LE/BE), UCS-2/4,
# WCHAR_T, //TRANSLIT, //IGNORE, EILSEQ/EINVAL/E2BIG, chunked input; as glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc iconv.c
