#!/bin/bash
# The DNS stub resolver against a server this test runs on 127.0.0.1
# (../_dns/dnsd.c, a vibix C program: it serves in a child process and runs the
# lookup program with VIBIX_RESOLV_CONF naming a resolv.conf with its
# "[127.0.0.1]:PORT"), so the same runs happen inside vibix (QEMU): A/AAAA,
# CNAME chains, NXDOMAIN, NODATA, SERVFAIL, truncation -> TCP, a dropped query
# -> retry, forged replies ignored, search list / ndots / LOCALDOMAIN /
# RES_OPTIONS, a dead server -> next server / EAI_AGAIN, PTR for getnameinfo
# and gethostbyaddr, res_query.
set -euo pipefail
source "$TESTLIB"
vcc -O1 -Wall -Werror prog.c -o "$OUT/prog"
vcc -O1 -Wall -Werror ../_dns/dnsd.c -o "$OUT/dnsd"

conf() { # name lines... (@PORT@: the server's port, @HOLE@: a UDP port that never answers)
    local f=$OUT/$1.conf.in
    shift
    printf '%s\n' "$@" >"$f"
}
conf main "nameserver [127.0.0.1]:@PORT@" "search search.test" "options ndots:1 timeout:2 attempts:2"
conf nosearch "nameserver [127.0.0.1]:@PORT@" "options timeout:2"
conf deadfirst "nameserver [127.0.0.1]:@HOLE@" "nameserver [127.0.0.1]:@PORT@" "options timeout:1 attempts:1"
conf dead "nameserver [127.0.0.1]:@HOLE@" "options timeout:1 attempts:1"

run() { # [NAME=VALUE...] conf expected-file args...
    local envs=()
    while [[ $1 == *=* ]]; do envs+=("$1"); shift; done
    local c=$1 exp=$2
    shift 2
    check_output "$exp" ${envs[@]+env "${envs[@]}"} "$OUT/dnsd" --log "$OUT/server.log" \
        "$OUT/$c.conf.in" "$OUT/$c.conf" -- "$OUT/prog" "$@"
}

run main expected-main \
    gai,a.test,4 gai,a.test,6 gai,a.test,0,c gai,alias.test,4,c gai,chain.test,0,c gai,big.test,4 \
    gai,host,4,c gai,a.test.,4 gai,nope.test,0 gai,v4only.test,6 gai,v4only.test,6,m gai,a.test,6,ma \
    gai,slow.test,4 gai,spoof.test,4 gai,fail.test,4 \
    gni,10.1.2.3 gni,10.1.2.3,r gni,10.9.8.7 gni,10.9.8.7,r gni,2001:db8::1,r \
    ghbn,alias.test ghbn6,a.test ghbn,nope.test ghba,10.1.2.3 \
    resq,alias.test ress,host resq,nope.test resq,host
# What went over the wire: big.test's truncated UDP answer was retried over TCP,
# slow.test's dropped query was sent again.
grep -qx "udp big.test 1" "$OUT/server.log" || fail "big.test was not asked over UDP first"
grep -qx "tcp big.test 1" "$OUT/server.log" || fail "the truncated answer was not retried over TCP"
[ "$(grep -cx "udp slow.test 1" "$OUT/server.log")" = 2 ] || fail "the dropped slow.test query was not retried"
grep -qx "udp spoof.test 1" "$OUT/server.log" || fail "spoof.test was not asked"
# The search list comes first when the name has fewer than ndots dots.
run RES_OPTIONS=ndots:2 main expected-ndots gai,a.test,4 gai,a.test.,4
run LOCALDOMAIN=search.test nosearch expected-localdomain gai,host,4,c
run nosearch expected-nosearch gai,host,4
run deadfirst expected-deadfirst gai,a.test,4
run dead expected-dead gai,a.test,4 ghbn,a.test
