#!/usr/bin/env python3
"""A tiny authoritative DNS server for the netdb tests (UDP and TCP on one
127.0.0.1 port), plus a "black hole" UDP port that never answers.

Usage: server.py PORTFILE  -> writes "PORT BLACKHOLE_PORT" to PORTFILE, serves until killed.

Zone (class IN):
  a.test            A 10.1.2.3, AAAA 2001:db8::1
  alias.test        CNAME a.test             (answer carries the chain)
  chain.test        CNAME alias.test
  big.test          60 A records 10.2.0.1..60 (too big for UDP: sent truncated, TC=1)
  host.search.test  A 10.3.0.1                (for search-list tests)
  two.dots.test     A 10.3.0.2
  a.test.search.test A 10.9.9.9               (shadows a.test when the search list comes first)
  v4only.test       A 10.3.0.3                (AAAA: NOERROR, no data)
  slow.test         A 10.4.0.1                (the first query for it is dropped)
  spoof.test        A 10.5.0.1                (first a reply with a wrong ID, then one
                                              with a wrong question, then the real one)
  fail.test         SERVFAIL
  PTR 3.2.1.10.in-addr.arpa and the ip6.arpa name of 2001:db8::1 -> a.test
Everything else: NXDOMAIN. Every query is logged to stderr as "proto name type".
"""
import socket
import struct
import sys
import threading

A, CNAME, PTR, AAAA = 1, 5, 12, 28

def ip6arpa(addr):
    b = socket.inet_pton(socket.AF_INET6, addr).hex()
    return ".".join(reversed(b)) + ".ip6.arpa"

ZONE = {
    "a.test": [(A, "10.1.2.3"), (AAAA, "2001:db8::1")],
    "alias.test": [(CNAME, "a.test")],
    "chain.test": [(CNAME, "alias.test")],
    "big.test": [(A, "10.2.0.%d" % i) for i in range(1, 61)],
    "host.search.test": [(A, "10.3.0.1")],
    "two.dots.test": [(A, "10.3.0.2")],
    "a.test.search.test": [(A, "10.9.9.9")],
    "v4only.test": [(A, "10.3.0.3")],
    "slow.test": [(A, "10.4.0.1")],
    "spoof.test": [(A, "10.5.0.1")],
    "3.2.1.10.in-addr.arpa": [(PTR, "a.test")],
    ip6arpa("2001:db8::1"): [(PTR, "a.test")],
}
seen = {}
lock = threading.Lock()

def encode_name(n):
    out = b""
    for label in n.rstrip(".").split("."):
        if label:
            out += bytes([len(label)]) + label.encode()
    return out + b"\0"

def parse_question(msg):
    i, labels = 12, []
    while msg[i]:
        labels.append(msg[i + 1:i + 1 + msg[i]].decode("ascii", "replace"))
        i += 1 + msg[i]
    qtype, qclass = struct.unpack("!HH", msg[i + 1:i + 5])
    return ".".join(labels), qtype, qclass, msg[12:i + 5]

def rdata(t, v):
    if t == A:
        return socket.inet_pton(socket.AF_INET, v)
    if t == AAAA:
        return socket.inet_pton(socket.AF_INET6, v)
    return encode_name(v)

def answer(query, tcp):
    qid, = struct.unpack("!H", query[:2])
    name, qtype, _, question = parse_question(query)
    key = name.lower()
    print("%s %s %d" % ("tcp" if tcp else "udp", key, qtype), file=sys.stderr, flush=True)
    with lock:
        seen[key] = seen.get(key, 0) + 1
        count = seen[key]
    if key == "slow.test" and count == 1:
        return []
    rcode, records, target, hops = 0, [], key, 0
    if key == "fail.test":
        rcode = 2
    elif key not in ZONE:
        rcode = 3
    else:
        while hops < 8:
            recs = ZONE.get(target, [])
            cn = [r for r in recs if r[0] == CNAME]
            if cn and qtype != CNAME:
                records.append((target, CNAME, cn[0][1]))
                target, hops = cn[0][1], hops + 1
                continue
            records += [(target, t, v) for t, v in recs if t == qtype]
            break
    truncated = key == "big.test" and not tcp
    if truncated:
        records = []
    flags = 0x8400 | 0x0080 | (0x0100 & struct.unpack("!H", query[2:4])[0]) | (0x0200 if truncated else 0) | rcode
    def build(i, q):
        body = struct.pack("!HHHHHH", i, flags, 1, len(records), 0, 0) + q
        for owner, t, v in records:
            d = rdata(t, v)
            body += encode_name(owner) + struct.pack("!HHIH", t, 1, 300, len(d)) + d
        return body
    out = []
    if key == "spoof.test":
        wrong = list(records) and [(key, A, "10.6.6.6")]
        saved = records[:]
        records[:] = wrong
        out.append(build(qid ^ 0x5555, question))
        other = encode_name("other.test") + question[-4:]
        out.append(build(qid, other))
        records[:] = saved
    out.append(build(qid, question))
    return out

def serve_udp(s):
    while True:
        msg, peer = s.recvfrom(4096)
        try:
            for r in answer(msg, False):
                s.sendto(r, peer)
        except Exception as e:  # a malformed query: ignore it
            print("bad query: %r" % e, file=sys.stderr, flush=True)

def recv_exact(c, n):
    b = b""
    while len(b) < n:
        chunk = c.recv(n - len(b))
        if not chunk:
            raise EOFError
        b += chunk
    return b

def serve_tcp_conn(c):
    with c:
        try:
            while True:
                n, = struct.unpack("!H", recv_exact(c, 2))
                for r in answer(recv_exact(c, n), True)[-1:]:
                    c.sendall(struct.pack("!H", len(r)) + r)
        except (EOFError, OSError):
            pass

def serve_tcp(s):
    while True:
        c, _ = s.accept()
        threading.Thread(target=serve_tcp_conn, args=(c,), daemon=True).start()

def main():
    for _ in range(50):
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        u.bind(("127.0.0.1", 0))
        port = u.getsockname()[1]
        t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            t.bind(("127.0.0.1", port))
            break
        except OSError:
            u.close()
            t.close()
    t.listen(16)
    hole = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    hole.bind(("127.0.0.1", 0))
    threading.Thread(target=serve_udp, args=(u,), daemon=True).start()
    threading.Thread(target=serve_tcp, args=(t,), daemon=True).start()
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write("%d %d\n" % (port, hole.getsockname()[1]))
    import os
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    threading.Event().wait()

main()
