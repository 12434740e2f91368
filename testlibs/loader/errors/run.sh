#!/bin/bash
# Each load error: exit status 127 and one line on stderr naming the file (and
# symbol), never a crash; both under PT_INTERP and with ld-vibix run directly.
set -euo pipefail
source ../_common/lib.sh
L="$OUT/libs.so"
cc_lib libs.so libs.c
cc_prog prog prog.c -ls -Wl,-rpath,'$ORIGIN'
expect_out <(echo ran) "$OUT/prog"
both() { local pat=$1; expect_fail127 "$pat" "$OUT/prog"; expect_fail127 "$pat" "$LDSO" "$OUT/prog"; }

cp "$L" "$OUT/good.so"
rm "$L"
both "libs.so: cannot open shared object file"

cc_lib libs.so libs_nosym.c
both "undefined symbol: needed_sym"
expect_fail127 "prog: undefined symbol: needed_sym" "$OUT/prog"

echo "this is not an ELF file" > "$L"
both "libs.so: not an ELF file"

head -c 1000 "$OUT/good.so" > "$L"
both "libs.so: file too short"
: > "$L"
both "libs.so: not an ELF file"

cp "$OUT/good.so" "$L"; python3 patch.py "$L" machine
both "libs.so: wrong architecture"

cp "$OUT/good.so" "$L"; python3 patch.py "$L" wx
both "libs.so: segment is both writable and executable"

gcc -O1 -nostdlib -shared -fno-pic libtext.c -Wl,-z,notext -o "$L"
readelf -d "$L" | grep -q TEXTREL || { echo "libtext.so lacks DT_TEXTREL" >&2; exit 1; }
both "libs.so: text relocations"

# RELATIVE targets outside the writable segments (the leading RELATIVE run is
# checked against them in one loop): in a program with one writable segment
# (GNU ld) and in one with two (lld: RELRO and data, with a gap between).
cc_prog prog_rel prog_rel.c
expect_out /dev/null "$OUT/prog_rel"
GCCLD="$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/gcc-ld"
"$VIBIX_CC" -O1 -B"$GCCLD" -fuse-ld=lld prog_rel.c -o "$OUT/prog_lld"
[ "$(readelf -lW "$OUT/prog_lld" | grep -c 'LOAD.* RW ')" = 2 ] || { echo "prog_lld: expected two writable PT_LOADs" >&2; exit 1; }
expect_out /dev/null "$OUT/prog_lld"
for prog in prog_rel prog_lld; do
    for where in ro gap straddle; do
        cp "$OUT/$prog" "$OUT/badrel"; python3 patch.py "$OUT/badrel" reloff $where
        expect_fail127 "badrel: bad relocation: r_offset" "$OUT/badrel"
    done
done
# libc.so (two writable segments) packs its relative relocations in DT_RELR:
# a bad address entry there.
"$VIBIX_CC" -O1 prog_rel.c -o "$OUT/prog_libc"
mkdir -p "$OUT/libc"
for where in ro gap straddle; do
    cp "$SYSROOT/lib/libc.so" "$OUT/libc/libc.so"; python3 patch.py "$OUT/libc/libc.so" relr $where
    expect_fail127 "libc.so: bad relocation: DT_RELR target" env LD_LIBRARY_PATH="$OUT/libc" "$OUT/prog_libc"
done

# The program itself, run directly.
expect_fail127 "not an ELF file" "$LDSO" ./libs.c
expect_fail127 "cannot open program file" "$LDSO" /nonexistent/prog
expect_fail127 "usage" "$LDSO"
