# Helpers for testlibs/<feature>/<case>/run.sh. Use: source "$TESTLIB"
#
# Environment (set by `cargo xtask test`, see testlibs/README.md): SYSROOT,
# VIBIX_CC, LDSO, OUT, TESTLIB; also VIBIX_XTASK (the xtask binary),
# VIBIX_WORKSPACE, VIBIX_TARGET_DIR, VIBIX_CASE.
#
# Conventions: a helper that checks something exits the case with status 1 and
# one `FAIL: ...` line on stderr when the check fails. `skip` exits 77.

set -euo pipefail
ulimit -c 0 # the crash tests must not litter core files

: "${SYSROOT:?run this through cargo xtask test}"
: "${VIBIX_CC:=$SYSROOT/bin/vibix-cc}"
: "${LDSO:=$SYSROOT/lib/ld-vibix.so.1}"
: "${OUT:?}"
: "${VIBIX_WORKSPACE:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

skip() {
    echo "SKIP: $*" >&2
    exit 77
}

# need_cmd CMD...: skip the case when a tool is missing.
need_cmd() {
    local c
    for c in "$@"; do
        command -v "$c" >/dev/null 2>&1 || skip "$c is not installed"
    done
}

# vcc ARGS...: vibix-cc, echoing the command (so failing builds are readable).
vcc() {
    echo "+ vibix-cc $*" >&2
    "$VIBIX_CC" "$@" || fail "vibix-cc $* failed"
}

# host_cc ARGS...: the host toolchain (glibc), for reference builds.
host_cc() {
    echo "+ gcc $*" >&2
    gcc "$@" || fail "gcc $* failed"
}

# elf_relocs [--dynamic] [-v] FILE: `cargo xtask elf-relocs` (object-crate parser).
elf_relocs() {
    if [ -n "${VIBIX_XTASK:-}" ] && [ -x "$VIBIX_XTASK" ]; then
        "$VIBIX_XTASK" elf-relocs "$@"
    else
        (cd "$VIBIX_WORKSPACE" && cargo xtask elf-relocs "$@")
    fi
}

# assert_relocs FILE TYPE...: FILE's dynamic relocations include each TYPE
# (GLOB_DAT or R_X86_64_GLOB_DAT; RELR for packed relative relocations).
assert_relocs() {
    local file=$1 t list
    shift
    list=$(elf_relocs --dynamic "$file") || fail "elf-relocs $file"
    for t in "$@"; do
        [ "$t" = RELR ] || t=R_X86_64_${t#R_X86_64_}
        grep -q "^$t " <<<"$list" || fail "$file has no $t relocation (has: $(tr '\n' ' ' <<<"$list"))"
    done
}

# refute_relocs FILE TYPE...: FILE has none of the TYPEs.
refute_relocs() {
    local file=$1 t list
    shift
    list=$(elf_relocs --dynamic "$file") || fail "elf-relocs $file"
    for t in "$@"; do
        [ "$t" = RELR ] || t=R_X86_64_${t#R_X86_64_}
        ! grep -q "^$t " <<<"$list" || fail "$file unexpectedly has $t relocations"
    done
}

# interp_of FILE: its PT_INTERP, or nothing.
interp_of() {
    readelf -lW "$1" | sed -n 's/.*\[Requesting program interpreter: \(.*\)\]/\1/p'
}

# needed_of FILE: its DT_NEEDED entries, one a line.
needed_of() {
    readelf -dW "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'
}

# assert_eq EXPECTED ACTUAL [WHAT]
assert_eq() {
    [ "$1" = "$2" ] || fail "${3:-value}: expected '$1', got '$2'"
}

# assert_contains HAYSTACK NEEDLE [WHAT]
assert_contains() {
    grep -qF -- "$2" <<<"$1" || fail "${3:-output} does not contain '$2': $1"
}

# run_capture CMD...: run CMD without aborting; sets STATUS, and leaves stdout
# and stderr in $OUT/stdout and $OUT/stderr (also in STDOUT / STDERR).
run_capture() {
    set +e
    "$@" >"$OUT/stdout" 2>"$OUT/stderr" </dev/null
    STATUS=$?
    set -e
    STDOUT=$(cat "$OUT/stdout")
    STDERR=$(cat "$OUT/stderr")
}

# describe_status N: "exit 3" or "killed by SIGSEGV".
describe_status() {
    if [ "$1" -gt 128 ] && [ "$1" -lt 160 ]; then
        echo "killed by SIG$(kill -l $(($1 - 128)) 2>/dev/null || echo $(($1 - 128)))"
    else
        echo "exit $1"
    fi
}

# check_output EXPECTED_FILE CMD...: CMD exits 0 and its stdout equals the file.
check_output() {
    local expected=$1
    shift
    run_capture "$@"
    if [ "$STATUS" != 0 ]; then
        echo "--- stderr of $*:" >&2
        head -c 4000 "$OUT/stderr" >&2
        fail "$* : $(describe_status "$STATUS"), expected exit 0"
    fi
    diff -u "$expected" "$OUT/stdout" >&2 || fail "$*: output differs from $expected"
    vibix_qemu_record 0 "$expected" "$@"
}

# vibix_qemu_record STATUS EXPECTED-STDOUT ARGV...: when `cargo xtask kernel test`
# collects programs to run again inside the vibix kernel (VIBIX_QEMU_CASES set),
# note one that passed here: case, status, expected stdout, cwd, the VIBIX_T_* and LD_*
# variables (0x1f-separated; cases pass test variables under the VIBIX_T_ prefix), argv.
# The state of $OUT is noted with it (`xtask qemu-snapshot`), so files the case
# changes later are put back before the program runs in vibix.
vibix_qemu_record() {
    vibix_qemu_record_err "$1" "$2" "" "${@:3}"
}

# vibix_qemu_record_err STATUS EXPECTED-STDOUT STDERR-LINES ARGV...: the same, and
# each line of STDERR-LINES (text) must occur in the program's stderr in vibix.
vibix_qemu_record_err() {
    [ -n "${VIBIX_QEMU_CASES:-}" ] || return 0
    # Bash builtins, and helpers without the LD_* variables (LD_PRELOAD, LD_DEBUG) meant for the program.
    local lines=()
    [ ! -f "$VIBIX_QEMU_CASES" ] || mapfile -t lines <"$VIBIX_QEMU_CASES"
    local index=${#lines[@]}
    local keep="$OUT/qemu-expected.$index"
    (unset "${!LD_@}"; cp "$2" "$keep") # the expected file may be rewritten by a later run
    if [ -n "$3" ]; then
        printf '%s\n' "$3" >"$keep.err"
        keep+=$'\037'"$keep.err"
    fi
    local env= v
    for v in "${!VIBIX_T_@}" "${!LD_@}"; do env+="$v=${!v}"$'\037'; done
    local IFS=$'\t'
    printf '%s\n' "${VIBIX_CASE:-?}	$1	$keep	$PWD	${env%$'\037'}	${*:4}" >>"$VIBIX_QEMU_CASES"
    (unset "${!LD_@}"; "$VIBIX_XTASK" qemu-snapshot "$VIBIX_QEMU_CASES" "$index" "$OUT") || fail "xtask qemu-snapshot failed"
}

# expect_output TEXT CMD...: like check_output with the expected text inline.
expect_output() {
    local text=$1
    shift
    printf '%s\n' "$text" >"$OUT/expected.$$"
    check_output "$OUT/expected.$$" "$@"
}

# expect_load_error NEEDLE... -- CMD...: CMD is refused by the loader the way
# the brief says: exit status 127, exactly one line on stderr, containing every
# NEEDLE (the file, the symbol), no crash.
expect_load_error() {
    local needles=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
        needles+=("$1")
        shift
    done
    [ $# -gt 0 ] || fail "expect_load_error: missing --"
    shift
    run_capture "$@"
    echo "stderr of $*: $STDERR" >&2
    [ "$STATUS" = 127 ] || fail "$*: $(describe_status "$STATUS"), expected exit 127"
    local lines
    lines=$(grep -c '' "$OUT/stderr" || true)
    [ "$lines" = 1 ] || fail "$*: expected one line on stderr, got $lines"
    local n
    for n in "${needles[@]}"; do
        grep -qF -- "$n" "$OUT/stderr" || fail "$*: stderr does not name '$n'"
    done
    [ -z "$STDOUT" ] || fail "$*: unexpected stdout: $STDOUT"
    vibix_qemu_record_err 127 "$OUT/stdout" "$STDERR" "$@"
}
