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
expect_out() { local exp=$1; shift; local want got; want=$(<"$exp"); got=$("$@") || { echo "FAIL: $* exited $?" >&2; return 1; }; if [ "$got" != "$want" ]; then echo "FAIL: $*"; echo "--- expected"; echo "$want"; echo "--- got"; echo "$got"; return 1; fi; qemu_record 0 "$want" "" "$@"; }
# qemu_record STATUS EXPECTED-TEXT STDERR-PATTERN ARGV...: for `cargo xtask kernel test` (only when
# VIBIX_QEMU_CASES is set): note a program that passed here (with the LD_* variables set for it and the
# state of $OUT, see vibix_qemu_record in testlibs/lib.sh) so it runs again inside the vibix kernel.
qemu_record() {
    [ -n "${VIBIX_QEMU_CASES:-}" ] || return 0
    # Bash builtins, and helpers without the LD_* variables (LD_PRELOAD, LD_DEBUG) meant for CMD.
    local lines=(); [ ! -f "$VIBIX_QEMU_CASES" ] || mapfile -t lines <"$VIBIX_QEMU_CASES"; local index=${#lines[@]}
    local exp="$OUT/qemu-expected.$index"; printf '%s\n' "$2" >"$exp"
    if [ -n "$3" ]; then printf '%s\n' "$3" >"$exp.err"; exp+=$'\037'"$exp.err"; fi
    local status=$1; shift 3
    local env= v; for v in "${!LD_@}"; do env+="$v=${!v}"$'\037'; done
    local IFS=$'\t'; printf '%s\n' "${VIBIX_CASE:-?}	$status	$exp	$PWD	${env%$'\037'}	$*" >>"$VIBIX_QEMU_CASES"
    (unset "${!LD_@}"; "$VIBIX_XTASK" qemu-snapshot "$VIBIX_QEMU_CASES" "$index" "$OUT")
}
# has_reloc FILE TYPE : assert the ELF file carries a dynamic relocation of TYPE,
# parsed by `xtask elf-relocs` (the object crate) under the harness, else readelf.
has_reloc() {
    local list
    if [ -n "${VIBIX_XTASK:-}" ]; then list=$("$VIBIX_XTASK" elf-relocs --dynamic "$1"); else list=$(readelf -rW "$1"); fi
    [[ "$list" == *"$2 "* ]] || { echo "FAIL: $1 has no $2 relocation" >&2; return 1; }
}
# expect_fail127 PATTERN CMD... : CMD exits 127 with PATTERN on stderr (one line)
expect_fail127() { local pat=$1; shift; local err rc=0; err=$("$@" 2>&1 >/dev/null) || rc=$?; if [ $rc -ne 127 ]; then echo "FAIL: $* exited $rc (want 127): $err" >&2; return 1; fi; if [[ "$err" != *"$pat"* ]]; then echo "FAIL: stderr '$err' lacks '$pat'" >&2; return 1; fi; if [[ "$err" == *$'\n'* ]]; then echo "FAIL: more than one line: $err" >&2; return 1; fi; qemu_record 127 "" "$pat" "$@"; }
