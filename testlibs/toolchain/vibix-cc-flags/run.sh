#!/bin/bash
# vibix-cc as a gcc driver: no host libc headers, PT_INTERP/NEEDED/BIND_NOW/RELRO
# on what it links, the gcc flags the issue lists, link-time library names.
source "$TESTLIB"
cd "$OUT"
src=$VIBIX_WORKSPACE/testlibs/toolchain/vibix-cc-flags
sysroot_phys=$(cd "$SYSROOT" && pwd -P)
interp=$sysroot_phys/lib/ld-vibix.so.1
gcc_inc=$(gcc -print-file-name=include)

# Headers: only the sysroot's and gcc's freestanding ones.
vcc -M "$src/hello.c" >deps
tr ' \\' '\n\n' <deps | grep '\.h$' | while read -r h; do
    case $(realpath "$h") in
    "$(realpath "$SYSROOT")"/include/* | "$(realpath "$gcc_inc")"/*) ;;
    *) fail "header from outside the sysroot: $h" ;;
    esac
done
printf '#include <gnu/libc-version.h>\n' >leak.c
! "$VIBIX_CC" -c leak.c -o leak.o 2>/dev/null || fail "a glibc-only header is reachable"
echo 'int x = __STDC_HOSTED__;' | vcc -E -x c - | grep -q 'int x = 1' || fail "-E from stdin"

# `-x c` from stdin, linked: our crt/libs after the user's `-x` stay objects.
printf '#include <stdio.h>\nint main(void) { return puts("x") < 0; }\n' | vcc -x c - -o from-stdin
assert_eq "$interp" "$(interp_of from-stdin)" "PT_INTERP of a program read from stdin"
vcc -fsyntax-only "$src/hello.c"

# Compile only, then link a PIE (default), a non-PIE and a shared library.
vcc -O2 -g -c "$src/hello.c" -o hello.o
[ "$(readelf -hW hello.o | awk '/Type:/{print $2}')" = REL ] || fail "-c did not give an object"
vcc hello.o -o hello
vcc -no-pie -fno-pie "$src/hello.c" -o hello-nopie
vcc -shared -fPIC -Wl,-soname,libshared.so "$src/lib.c" -o libshared.so

[ "$(readelf -hW hello | awk '/Type:/{print $2}')" = DYN ] || fail "default link is not a PIE"
[ "$(readelf -hW hello-nopie | awk '/Type:/{print $2}')" = EXEC ] || fail "-no-pie gave no ET_EXEC"
for p in hello hello-nopie; do
    assert_eq "$interp" "$(interp_of $p)" "PT_INTERP of $p"
    assert_eq "libc.so" "$(needed_of $p | tr '\n' ' ' | sed 's/ $//')" "NEEDED of $p"
    readelf -dW $p | grep -Eq 'BIND_NOW|FLAGS.*NOW' || fail "$p is not linked -z now"
    readelf -lW $p | grep -q GNU_RELRO || fail "$p has no PT_GNU_RELRO"
    readelf -sW $p | grep -q ' _start$' || fail "$p has no _start from our crt"
done
[ -z "$(interp_of libshared.so)" ] || fail "shared library has a PT_INTERP"
assert_eq "libc.so" "$(needed_of libshared.so)" "NEEDED of libshared.so"
readelf -dW libshared.so | grep -q 'SONAME.*libshared.so' || fail "-Wl,-soname ignored"

# -l names that all mean vibix_libc; -L/-l/-I/-pthread/-Wl pass through.
mkdir -p inc
echo '#define FROM_I 7' >inc/fromi.h
vcc -O2 -pthread -Iinc -DUSE_FROM_I "$src/hello.c" -L. -lshared -lm -lpthread -ldl -lrt -lutil -lgcc_s \
    -Wl,-rpath,"$OUT" -o hello-libs
assert_eq "libshared.so libc.so" "$(needed_of hello-libs | tr '\n' ' ' | sed 's/ $//')" "NEEDED of hello-libs"
readelf -dW hello-libs | grep -q "R.*PATH.*$OUT" || fail "-Wl,-rpath ignored"

# dl* live in ld-vibix: linked as-needed, so NEEDED only when used.
! needed_of hello | grep -q ld-vibix || fail "ld-vibix.so.1 is NEEDED without dl* use"
vcc "$src/usedl.c" -o usedl
needed_of usedl | grep -qx ld-vibix.so.1 || fail "a dlopen user does not NEED ld-vibix.so.1"

# PT_INTERP override for binaries meant only for vibix, and a symlinked driver.
VIBIX_INTERP=/lib/ld-vibix.so.1 "$VIBIX_CC" hello.o -o hello-vibix
assert_eq /lib/ld-vibix.so.1 "$(interp_of hello-vibix)" "VIBIX_INTERP"
ln -sf "$VIBIX_CC" ./my-cc
./my-cc hello.o -o hello-symlink
assert_eq "$interp" "$(interp_of hello-symlink)" "PT_INTERP via a symlinked vibix-cc"
"$VIBIX_CC" --version | grep -qi gcc || fail "--version"
! "$VIBIX_CC" -static hello.o -o hello-static 2>/dev/null || fail "-static should be refused"
echo ok
