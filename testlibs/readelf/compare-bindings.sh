# compare_bindings PROG [ARGS...]: runs PROG under ld-vibix with LD_DEBUG=bindings and
# checks that `vibix-readelf --bindings PROG` predicted every binding, to the same object.
# Sourced by the readelf cases (after $TESTLIB); leaves theirs/ours in the cwd.
compare_bindings() {
    local prog=$1
    shift
    LD_DEBUG=bindings "$prog" "$@" >run.out 2>ld.txt || { cat ld.txt >&2; fail "$prog failed under ld-vibix"; }
    # from|symbol|version|to, paths made absolute.
    sed -n "s/.*binding file \([^ ]*\) to \([^:]*\): [a-z]* symbol \`\([^']*\)'\( \[\(.*\)\]\)\{0,1\}\$/\1|\3|\5|\2/p" ld.txt \
        | while IFS='|' read -r a s v b; do echo "$(realpath "$a")|$s|$v|$(realpath "$b")"; done | sort -u >theirs
    [ -s theirs ] || { cat ld.txt >&2; fail "ld-vibix printed no bindings"; }
    "$SYSROOT/bin/vibix-readelf" --bindings --ldso "$LDSO" "$prog" >ours.txt || { cat ours.txt >&2; fail "vibix-readelf --bindings failed"; }
    awk '/^Bindings of /{ f = $3; gsub(/[\x27:]/, "", f); next }
         $2 ~ /^R_X86_64_/ && $4 == "->" && $5 !~ /^(UNRESOLVED|UNDEFINED)/ && $0 !~ /\(local\)$/ {
            split($3, sv, "@"); to = $5; sub(/:$/, "", to); print f "|" sv[1] "|" sv[2] "|" to }' ours.txt \
        | while IFS='|' read -r a s v b; do echo "$(realpath "$a")|$s|$v|$(realpath "$b")"; done | sort -u >ours
    local missing
    missing=$(comm -23 theirs ours)
    [ -z "$missing" ] || { echo "ld-vibix bound, vibix-readelf did not predict:" >&2; echo "$missing" >&2; fail "--bindings disagrees with ld-vibix"; }
    echo "$(wc -l <theirs) bindings of $prog agree with ld-vibix"
}
