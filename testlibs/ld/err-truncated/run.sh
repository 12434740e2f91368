#!/bin/bash
# Truncated ELF files: inside the header, inside the program headers, and with
# segments past the end of the file. One line naming the file, exit 127 — never
# a SIGBUS from touching a mapping past EOF.
source "$TESTLIB"
cd "$OUT"
src=$VIBIX_WORKSPACE/testlibs/ld/_src
vcc -O2 -fPIC -shared -Wl,-soname,libtrunc.so "$src/needlib.c" -o libtrunc.so
vcc -O2 "$src/uselib.c" -L. -ltrunc -Wl,-rpath,"$OUT" -o prog
expect_output 5 ./prog
cp libtrunc.so full.so
size=$(stat -c %s full.so)
# End of the file data the segments need (section headers after it are unused).
seg_end=0
while read -r type off _ _ filesz _; do
    if [ "$type" = LOAD ] || [ "$type" = DYNAMIC ]; then
        [ $((off + filesz)) -le "$seg_end" ] || seg_end=$((off + filesz))
    fi
done < <(readelf -lW full.so)
[ "$seg_end" -gt 1000 ] || fail "could not read the segment layout ($seg_end)"
for keep in 40 100 $((seg_end / 2)) $((seg_end - 8)); do
    head -c $keep full.so >libtrunc.so
    echo "library truncated to $keep of $size bytes" >&2
    expect_load_error libtrunc.so -- ./prog
done
head -c $(($(stat -c %s prog) / 2)) prog >prog-half
expect_load_error prog-half -- "$LDSO" ./prog-half
