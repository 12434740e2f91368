#!/bin/bash
# vibix-cc: gcc driver for the vibix sysroot, in the spirit of musl-gcc.
# Installed as $SYSROOT/bin/vibix-cc by `cargo xtask build`; see docs/toolchain.md.
#
# Compiles against $SYSROOT/include (+ gcc's freestanding headers, no host libc
# headers) and links against $SYSROOT/lib (vibix_libc, ld-vibix, our crt objects),
# a PIE by default, with PT_INTERP = the absolute path of $SYSROOT/lib/ld-vibix.so.1.
#
# Environment:
#   VIBIX_REAL_CC   the gcc to drive (default: gcc)
#   VIBIX_INTERP    PT_INTERP to record (default: $SYSROOT/lib/ld-vibix.so.1)
#   VIBIX_CC_VERBOSE=1  print the gcc command line on stderr
set -u

self=$0
[ -L "$self" ] && self=$(readlink -f "$self")
SYSROOT=$(cd "$(dirname "$self")/.." && pwd -P)
CC=${VIBIX_REAL_CC:-gcc}
LIB=$SYSROOT/lib
INTERP=${VIBIX_INTERP:-$LIB/ld-vibix.so.1}

link=1 shared=0 pie=1 relocatable=0 static=0
startfiles=1 defaultlibs=1 stdlib=1 query=0 have_input=0

scan_arg() {
    case $1 in
    -c | -S | -E | -M | -MM | -fsyntax-only) link=0 ;;
    -shared) shared=1 ;;
    -no-pie | -nopie) pie=0 ;;
    -pie) pie=1 ;;
    -r) relocatable=1 ;;
    -static | -static-pie) static=1 ;;
    -nostdlib) stdlib=0 ;;
    -nostartfiles) startfiles=0 ;;
    -nodefaultlibs) defaultlibs=0 ;;
    --version | --help | -dumpversion | -dumpfullversion | -dumpmachine | -dumpspecs | -print-* | --print-*) query=1 ;;
    -) have_input=1 ;; # stdin
    -*) ;;
    *) have_input=1 ;;
    esac
}

prev=
for a in "$@"; do
    # Skip the operand of options that take a separate one (-o out, -x c, ...).
    case $prev in
    -o | -x | -I | -L | -l | -MF | -MT | -MQ | -include | -isystem | -idirafter | -iquote | -Xlinker | -Xassembler | -Xpreprocessor | -T | -u | -z)
        prev=
        continue
        ;;
    esac
    prev=$a
    # rustc passes an @response-file when the command line gets long: scan it too.
    if [[ $a == @* && -f ${a#@} ]]; then
        while IFS= read -r line; do
            scan_arg "${line//\\/}"
        done <"${a#@}"
        have_input=1
        continue
    fi
    scan_arg "$a"
done

run() {
    [ "${VIBIX_CC_VERBOSE:-0}" = 1 ] && echo "vibix-cc: $*" >&2
    exec "$@"
}

# gcc --version, -print-file-name=..., `vibix-cc -v` alone: plain gcc answers.
if [ $query = 1 ] || [ $have_input = 0 ]; then
    run "$CC" "$@"
fi

gcc_inc=$("$CC" -print-file-name=include)
cflags=(-nostdinc -isystem "$SYSROOT/include" -isystem "$gcc_inc")

if [ $link = 0 ]; then
    run "$CC" "${cflags[@]}" "$@"
fi

if [ $static = 1 ]; then
    echo "vibix-cc: static linking is not supported (vibix_libc is a shared library only)" >&2
    exit 1
fi

# Start files. gcc's crtbegin/crtend provide __dso_handle, the .eh_frame
# terminator and the TM clone hooks; ours provide _start and _init/_fini.
pre=() post=()
if [ $stdlib = 1 ] && [ $startfiles = 1 ] && [ $relocatable = 0 ]; then
    if [ $shared = 1 ]; then
        pre=("$LIB/crti.o" "$("$CC" -print-file-name=crtbeginS.o)")
        post=("$("$CC" -print-file-name=crtendS.o)" "$LIB/crtn.o")
    elif [ $pie = 1 ]; then
        pre=("$LIB/Scrt1.o" "$LIB/crti.o" "$("$CC" -print-file-name=crtbeginS.o)")
        post=("$("$CC" -print-file-name=crtendS.o)" "$LIB/crtn.o")
    else
        pre=("$LIB/crt1.o" "$LIB/crti.o" "$("$CC" -print-file-name=crtbegin.o)")
        post=("$("$CC" -print-file-name=crtend.o)" "$LIB/crtn.o")
    fi
fi

# --sysroot keeps gcc's default host library directories (/usr/lib/...) off the
# link line, so nothing resolves to a host library by accident.
ldflags=(--sysroot="$SYSROOT" -nostdlib -L"$LIB" -Wl,-rpath-link,"$LIB")
if [ $relocatable = 0 ]; then
    # Shared libraries built for glibc (e.g. Rust's libstd-*.so with -C
    # prefer-dynamic) name libc.so.6 & co., which only ld-vibix maps to ours.
    ldflags+=(-Wl,-z,now -Wl,-z,relro -Wl,--allow-shlib-undefined)
    if [ $shared = 0 ]; then
        ldflags+=(-Wl,--dynamic-linker="$INTERP")
        if [ $pie = 1 ]; then ldflags+=(-pie); else ldflags+=(-no-pie); fi
    fi
fi

libs=()
if [ $stdlib = 1 ] && [ $relocatable = 0 ]; then
    if [ $defaultlibs = 1 ]; then
        libgcc=$("$CC" -print-libgcc-file-name)
        libs+=(-Wl,-Bdynamic "$libgcc" -lc "$libgcc")
    fi
    # dlopen & co. and __tls_get_addr live in ld-vibix: link it, but only
    # record DT_NEEDED when something uses it.
    libs+=(-Wl,--push-state,--as-needed "$LIB/ld-vibix.so.1" -Wl,--pop-state)
fi

# `-x none` ends any `-x LANG` of the user's, so our objects are not taken for sources.
run "$CC" "${cflags[@]}" "${ldflags[@]}" "${pre[@]}" "$@" -x none "${libs[@]}" "${post[@]}"
