# busybox sh on vibix: pipelines, redirections, here-documents, subshells,
# command substitution, a background job and wait, exit statuses, signals,
# a #!/bin/sh script written at run time.
# Run by run.sh with the same busybox on the host (the reference) and in QEMU.
t=sh-work
rm -rf "$t"
mkdir "$t" && cd "$t" || exit 9

echo "pipeline: $(printf 'c\nb\na\nb\n' | sort | uniq | tr '\n' ' ')"
printf 'one\ntwo\nthree\n' | grep -v two | wc -l
echo "yes|head: $(yes | head -n 2 | tr '\n' ' ')"

echo first > f
echo second >> f
cat f
wc -l < f
cat < f | head -n 1
ls missing-file 2>&1
{ echo to-stdout; echo to-stderr >&2; } > both 2>&1
sort both
{ echo err-only >&2; } 2>err >/dev/null
cat err
exec 3>fd3
echo via-fd3 >&3
exec 3>&-
cat fd3
cat <<END
here-doc: $((6 * 7)) $(echo nested)
  kept indent
END
cat <<'END'
quoted here-doc: $HOME $(not run)
END
cat <<-END
	tabs stripped
	END

x=outer
(x=inner; echo "subshell: $x")
echo "after subshell: $x"
(exit 3)
echo "subshell status: $?"
false
echo "false: $?"
true
echo "true: $?"
sh -c 'exit 42'
echo "child sh: $?"
sh -c 'kill -TERM $$'
echo "killed child: $?"
nosuchcommand 2>/dev/null
echo "missing command: $?"
echo "substitution: $(echo a $(echo b) c) `echo backtick`"
n=$(printf 'x\ny\nz\n' | wc -l)
echo "lines: $n"

sleep 0.2 &
p=$!
(echo from-background > bg; exit 5) &
q=$!
wait $q
echo "wait background: $?"
wait $p
echo "wait sleep: $?"
cat bg
(sleep 0.1; echo late) | cat
echo "jobs done"

for i in 1 2 3; do echo "loop $i"; done | sort -r
case foo in f*) echo "case matched" ;; *) echo "case missed" ;; esac
if grep -q second f; then echo "grep found"; fi
! false && echo "negation"
false || echo "or-list"
set -o pipefail
false | true
echo "pipefail: $?"
yes | head -n 1 > /dev/null
echo "SIGPIPE writer: $?"
set +o pipefail
f() { echo "function: $# $1"; return 4; }
f a b
echo "function status: $?"
read -r line < f
echo "read: $line"
while read -r l; do echo "line: $l"; done < f
i=0
while [ $i -lt 3 ]; do i=$((i + 1)); done
echo "arithmetic loop: $i"
printf '#!/bin/sh\necho "script args: $# $1"\nexit 6\n' > run-me
chmod +x run-me
./run-me one two
echo "script status: $?"
mkdir d && touch d/b d/a d/c
ls d
echo "env: $(env VIBIX_SH_VAR=from-env sh -c 'echo $VIBIX_SH_VAR')"
cd .. && rm -rf "$t"
[ -e "$t" ] || echo "cleaned up"
trap 'echo "exit trap"' EXIT
exit 7
