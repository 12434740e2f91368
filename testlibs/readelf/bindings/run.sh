#!/bin/bash
# --bindings lists, for each relocation, the object ld-vibix really binds it to:
# compared with ld-vibix's own LD_DEBUG=bindings output on a libc-free program
# (prog -> libuse -> libdep, prog interposing dep_fn, versioned libdep).
source "$TESTLIB"
source ../compare-bindings.sh
need_cmd gcc
RE="$SYSROOT/bin/vibix-readelf"
[ -x "$RE" ] || fail "$RE not installed"
cd "$OUT"
cat >dep.c <<'C'
int shared_var = 42;
int dep_fn(void) { return 1; }
int vfn(void) { return 2; }
C
echo 'VER_1 { global: vfn; dep_fn; shared_var; local: *; };' >dep.map
cat >use.c <<'C'
extern int dep_fn(void); extern int shared_var; extern int vfn(void);
int use_fn(void) { return dep_fn() + shared_var + vfn(); }
C
cat >prog.c <<'C'
extern int use_fn(void);
int dep_fn(void) { return 100; }
void _start(void) {
    long r = use_fn();
    __asm__ volatile("syscall" :: "a"(231), "D"(r == 144 ? 0 : 1) : "rcx", "r11", "memory");
    __builtin_unreachable();
}
C
F="-nostdlib -ffreestanding -fno-stack-protector -O1"
gcc $F -shared -fPIC -o libdep.so dep.c -Wl,--version-script=dep.map -Wl,-soname,libdep.so -Wl,-z,now
gcc $F -shared -fPIC -o libuse.so use.c -L. -ldep -Wl,-soname,libuse.so -Wl,-rpath,'$ORIGIN' -Wl,-z,now
gcc $F -fPIE -pie -o prog prog.c -L. -luse -ldep -rdynamic -Wl,-rpath,'$ORIGIN' -Wl,--enable-new-dtags \
    -Wl,-z,now -Wl,--dynamic-linker="$LDSO"
compare_bindings ./prog
grep -q "libuse.so|dep_fn|VER_1|$OUT/prog" ours || fail "interposed dep_fn not bound to the program"
