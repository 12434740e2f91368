#!/bin/bash
# --bindings lists, for each relocation, the object ld-vibix really binds it to:
# compared with ld-vibix's own LD_DEBUG=bindings output on a libc-free program
# (prog -> libuse -> libdep, prog interposing dep_fn, versioned libdep).
source "$TESTLIB"
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
LD_DEBUG=bindings ./prog 2>ld.txt || { cat ld.txt >&2; fail "prog failed under ld-vibix"; }
# from|symbol|version|to, paths made absolute.
sed -n "s/.*binding file \([^ ]*\) to \([^:]*\): [a-z]* symbol \`\([^']*\)'\( \[\(.*\)\]\)\{0,1\}\$/\1|\3|\5|\2/p" ld.txt \
    | while IFS='|' read -r a s v b; do echo "$(realpath "$a")|$s|$v|$(realpath "$b")"; done | sort -u >theirs
[ -s theirs ] || { cat ld.txt >&2; fail "ld-vibix printed no bindings"; }
"$RE" --bindings --ldso "$LDSO" ./prog >ours.txt || { cat ours.txt >&2; fail "vibix-readelf --bindings failed"; }
awk '/^Bindings of /{ f = $3; gsub(/[\x27:]/, "", f); next }
     $2 ~ /^R_X86_64_/ && $4 == "->" && $5 !~ /^(UNRESOLVED|UNDEFINED)/ && $0 !~ /\(local\)$/ {
        split($3, sv, "@"); to = $5; sub(/:$/, "", to); print f "|" sv[1] "|" sv[2] "|" to }' ours.txt \
    | while IFS='|' read -r a s v b; do echo "$(realpath "$a")|$s|$v|$(realpath "$b")"; done | sort -u >ours
# Every binding ld-vibix made must be predicted, to the same object.
missing=$(comm -23 theirs ours)
[ -z "$missing" ] || { echo "ld-vibix bound, vibix-readelf did not predict:" >&2; echo "$missing" >&2; fail "--bindings disagrees with ld-vibix"; }
grep -q "libuse.so|dep_fn|VER_1|$OUT/prog" ours || fail "interposed dep_fn not bound to the program"
echo "$(wc -l <theirs) bindings agree with ld-vibix"
