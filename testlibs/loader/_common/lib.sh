# Helpers for testlibs/loader cases. Source after setting -euo pipefail.
# LDSO: the ld-vibix.so.1 under test (set by xtask, or by the caller).
: "${LDSO:?LDSO must point at ld-vibix.so.1}"
: "${OUT:=$(mktemp -d)}"
COMMON="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CFLAGS_T="-Wl,--no-as-needed -O1 -fPIC -nostdlib -ffreestanding -fno-stack-protector -fno-builtin -I$COMMON"
# cc_lib OUT.so SRC... [-- extra link flags]
cc_lib() { local out=$1; shift; gcc $CFLAGS_T -shared "$@" -o "$OUT/$out"; }
# cc_prog OUT SRC... : PIE with PT_INTERP = $LDSO, linked against libs in $OUT
cc_prog() { local out=$1; shift; gcc $CFLAGS_T -pie "$COMMON/start.S" "$@" -L"$OUT" -Wl,-rpath-link,"$OUT" -Wl,-rpath-link,"$(dirname "$LDSO")" -Wl,--dynamic-linker="$LDSO" -o "$OUT/$out"; }
# expect_out FILE CMD... : run CMD, compare stdout with FILE (read with bash builtins
# only, so LD_* set for CMD cannot affect a helper process)
expect_out() { local exp=$1; shift; local want got; want=$(<"$exp"); got=$("$@") || { echo "FAIL: $* exited $?" >&2; return 1; }; if [ "$got" != "$want" ]; then echo "FAIL: $*"; echo "--- expected"; echo "$want"; echo "--- got"; echo "$got"; return 1; fi; qemu_record "$want" "$@"; }
# qemu_record EXPECTED-TEXT ARGV...: for `cargo xtask kernel test` (only when VIBIX_QEMU_CASES is set): note a
# program that passed here so it runs again inside the vibix kernel.
qemu_record() { [ -n "${VIBIX_QEMU_CASES:-}" ] || return 0; local exp="$OUT/qemu-expected.$(cat "$VIBIX_QEMU_CASES" 2>/dev/null | wc -l)"; printf '%s\n' "$1" >"$exp"; shift; local env=${LD_LIBRARY_PATH+LD_LIBRARY_PATH=$LD_LIBRARY_PATH}; local IFS=$'\t'; printf '%s\n' "${VIBIX_CASE:-?}	0	$exp	$PWD	$env	$*" >>"$VIBIX_QEMU_CASES"; }
# has_reloc FILE TYPE : assert the ELF file carries a dynamic relocation of TYPE,
# parsed by `xtask elf-relocs` (the object crate) under the harness, else readelf.
has_reloc() {
    local list
    if [ -n "${VIBIX_XTASK:-}" ]; then list=$("$VIBIX_XTASK" elf-relocs --dynamic "$1"); else list=$(readelf -rW "$1"); fi
    [[ "$list" == *"$2 "* ]] || { echo "FAIL: $1 has no $2 relocation" >&2; return 1; }
}
# expect_fail127 PATTERN CMD... : CMD exits 127 with PATTERN on stderr (one line)
expect_fail127() { local pat=$1; shift; local err rc=0; err=$("$@" 2>&1 >/dev/null) || rc=$?; if [ $rc -ne 127 ]; then echo "FAIL: $* exited $rc (want 127): $err" >&2; return 1; fi; if [[ "$err" != *"$pat"* ]]; then echo "FAIL: stderr '$err' lacks '$pat'" >&2; return 1; fi; if [[ "$err" == *$'\n'* ]]; then echo "FAIL: more than one line: $err" >&2; return 1; fi; }
