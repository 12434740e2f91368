#!/bin/bash
# The DNS stub resolver against a server this test runs on 127.0.0.1
# (../_dns/server.py; VIBIX_RESOLV_CONF points vibix_libc at a resolv.conf
# naming it as "[127.0.0.1]:PORT"): A/AAAA, CNAME chains, NXDOMAIN, NODATA,
# SERVFAIL, truncation -> TCP, a dropped query -> retry, forged replies
# ignored, search list / ndots / LOCALDOMAIN / RES_OPTIONS, a dead server ->
# next server / EAI_AGAIN, PTR for getnameinfo and gethostbyaddr, res_query.
set -euo pipefail
source "$TESTLIB"
need_cmd python3
vcc -O1 -Wall -Werror prog.c -o "$OUT/prog"
python3 ../_dns/server.py "$OUT/port" 2>"$OUT/server.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$OUT/port" ] && break; sleep 0.1; done
[ -s "$OUT/port" ] || fail "the test DNS server did not start: $(cat "$OUT/server.log")"
read -r port hole <"$OUT/port"

conf() { # name lines...
    local f=$OUT/$1.conf
    shift
    printf '%s\n' "$@" >"$f"
}
conf main "nameserver [127.0.0.1]:$port" "search search.test" "options ndots:1 timeout:2 attempts:2"
conf nosearch "nameserver [127.0.0.1]:$port" "options timeout:2"
conf deadfirst "nameserver [127.0.0.1]:$hole" "nameserver [127.0.0.1]:$port" "options timeout:1 attempts:1"
conf dead "nameserver [127.0.0.1]:$hole" "options timeout:1 attempts:1"

run() { # conf expected-file args...
    local c=$1 exp=$2
    shift 2
    VIBIX_RESOLV_CONF=$OUT/$c.conf "$OUT/prog" "$@" >"$OUT/$exp.out" 2>"$OUT/$exp.err" ||
        fail "$exp: exit $? $(head -c 2000 "$OUT/$exp.err")"
    diff -u "$exp" "$OUT/$exp.out" >&2 || fail "$exp: output differs"
}

run main expected-main \
    gai,a.test,4 gai,a.test,6 gai,a.test,0,c gai,alias.test,4,c gai,chain.test,0,c gai,big.test,4 \
    gai,host,4,c gai,a.test.,4 gai,nope.test,0 gai,v4only.test,6 gai,v4only.test,6,m gai,a.test,6,ma \
    gai,slow.test,4 gai,spoof.test,4 gai,fail.test,4 \
    gni,10.1.2.3 gni,10.1.2.3,r gni,10.9.8.7 gni,10.9.8.7,r gni,2001:db8::1,r \
    ghbn,alias.test ghbn6,a.test ghbn,nope.test ghba,10.1.2.3 \
    resq,alias.test ress,host resq,nope.test resq,host
# The search list comes first when the name has fewer than ndots dots.
RES_OPTIONS=ndots:2 run main expected-ndots gai,a.test,4 gai,a.test.,4
LOCALDOMAIN=search.test run nosearch expected-localdomain gai,host,4,c
run nosearch expected-nosearch gai,host,4
run deadfirst expected-deadfirst gai,a.test,4
run dead expected-dead gai,a.test,4 ghbn,a.test

# What went over the wire: big.test's truncated UDP answer was retried over TCP,
# slow.test's dropped query was sent again.
grep -qx "udp big.test 1" "$OUT/server.log" || fail "big.test was not asked over UDP first"
grep -qx "tcp big.test 1" "$OUT/server.log" || fail "the truncated answer was not retried over TCP"
[ "$(grep -cx "udp slow.test 1" "$OUT/server.log")" = 2 ] || fail "the dropped slow.test query was not retried"
