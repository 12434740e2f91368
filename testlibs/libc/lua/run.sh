#!/bin/bash
# Lua 5.4 (from the lua-src crate) built with vibix-cc runs test.lua exactly
# like the glibc build.
source "$TESTLIB"
source ../_compare.sh
source ../_crate_src.sh
l=$(crate_src lua-src 547)
l=$(ls -d "$l"/lua-5.4* | tail -1)
[ -f "$l/lua.h" ] || fail "no Lua 5.4 sources under $l"
srcs=()
for f in "$l"/*.c; do
    case $(basename "$f") in lua.c | luac.c | onelua.c) ;; *) srcs+=("$f") ;; esac
done
cp "$PWD/test.lua" "$OUT/test.lua"
CFLAGS_BOTH="-I$l -DLUA_USE_LINUX -w"
VIBIX_LIBS="${srcs[*]} -lm -ldl"
HOST_LIBS="${srcs[*]} -lm -ldl"
OPT=-O1
compare_with_glibc run_lua.c "$OUT/test.lua"
