//! NETLINK_ROUTE: the requests that read vibix's interfaces (`net/iface.rs`)
//! — RTM_GETLINK and RTM_GETADDR, as dumps (NLM_F_DUMP: every link / address,
//! NLM_F_MULTI messages then NLMSG_DONE) or, for links, one by index or name
//! — answered with Linux's message layouts, which getifaddrs, if_nameindex
//! and `ip` read. Changing the configuration (RTM_NEW*/DEL*/SET*) and the
//! other objects (routes, neighbours, rules) are EOPNOTSUPP. Interfaces send
//! no packets, so their counters (IFLA_STATS/STATS64) are zero.
use super::addr::{AF_INET, AF_INET6};
use super::iface::{Iface, IFACES};
use crate::errno::*;
use alloc::vec::Vec;

const NLMSG_HDRLEN: usize = 16;
/// Types below this are netlink control messages (NOOP, ERROR, DONE, OVERRUN).
const NLMSG_MIN_TYPE: u16 = 0x10;
const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const NLM_F_REQUEST: u16 = 0x1;
const NLM_F_MULTI: u16 = 0x2;
const NLM_F_ACK: u16 = 0x4;
const NLM_F_DUMP: u16 = 0x300; // NLM_F_ROOT | NLM_F_MATCH

const RTM_NEWLINK: u16 = 16;
const RTM_GETLINK: u16 = 18;
const RTM_NEWADDR: u16 = 20;
const RTM_GETADDR: u16 = 22;

const IFLA_ADDRESS: u16 = 1;
const IFLA_BROADCAST: u16 = 2;
const IFLA_IFNAME: u16 = 3;
const IFLA_MTU: u16 = 4;
const IFLA_QDISC: u16 = 6;
const IFLA_STATS: u16 = 7;
const IFLA_TXQLEN: u16 = 13;
const IFLA_OPERSTATE: u16 = 16;
const IFLA_LINKMODE: u16 = 17;
const IFLA_STATS64: u16 = 23;
const IFLA_GROUP: u16 = 27;
const IFLA_PROMISCUITY: u16 = 30;
const IFLA_NUM_TX_QUEUES: u16 = 31;
const IFLA_NUM_RX_QUEUES: u16 = 32;
const IFLA_CARRIER: u16 = 33;
/// IF_OPER_UNKNOWN: what Linux reports for lo (it has no carrier to watch).
const IF_OPER_UNKNOWN: u8 = 0;
/// struct rtnl_link_stats (25 u32) and rtnl_link_stats64 (25 u64).
const STATS_LEN: usize = 25 * 4;
const STATS64_LEN: usize = 25 * 8;

const IFA_ADDRESS: u16 = 1;
const IFA_LOCAL: u16 = 2;
const IFA_LABEL: u16 = 3;
const IFA_CACHEINFO: u16 = 6;
const IFA_FLAGS: u16 = 8;
const IFA_F_PERMANENT: u32 = 0x80;
const RT_SCOPE_HOST: u8 = 254;

/// struct ifinfomsg's size.
const IFINFOMSG: usize = 16;

/// A dump goes out in datagrams of at most this many bytes (a page, as
/// Linux's first dump buffer), so a reader with a 4 KiB buffer loses nothing.
const DATAGRAM: usize = 4096;

fn align4(n: usize) -> usize {
    (n + 3) & !3
}

/// One netlink message being built: header, fixed part, attributes.
struct Builder {
    b: Vec<u8>,
}

impl Builder {
    fn new(kind: u16, flags: u16, seq: u32, port: u32) -> Builder {
        let mut b = Vec::with_capacity(256);
        b.extend_from_slice(&[0; 4]); // nlmsg_len, set by `done`
        b.extend_from_slice(&kind.to_le_bytes());
        b.extend_from_slice(&flags.to_le_bytes());
        b.extend_from_slice(&seq.to_le_bytes());
        b.extend_from_slice(&port.to_le_bytes());
        Builder { b }
    }

    fn raw(&mut self, data: &[u8]) -> &mut Self {
        self.b.extend_from_slice(data);
        self
    }

    /// An rtattr: length, type, data, padded to 4 bytes.
    fn attr(&mut self, ty: u16, data: &[u8]) -> &mut Self {
        let len = 4 + data.len();
        self.b.extend_from_slice(&(len as u16).to_le_bytes());
        self.b.extend_from_slice(&ty.to_le_bytes());
        self.b.extend_from_slice(data);
        self.b.resize(align4(self.b.len()), 0);
        self
    }

    fn attr_str(&mut self, ty: u16, s: &str) -> &mut Self {
        let mut z = Vec::from(s.as_bytes());
        z.push(0);
        self.attr(ty, &z)
    }

    fn done(mut self) -> Vec<u8> {
        let len = self.b.len() as u32;
        self.b[0..4].copy_from_slice(&len.to_le_bytes());
        self.b
    }
}

/// A request's header fields.
struct Request<'a> {
    kind: u16,
    flags: u16,
    seq: u32,
    /// The whole message (header included).
    msg: &'a [u8],
}

impl Request<'_> {
    fn body(&self) -> &[u8] {
        &self.msg[NLMSG_HDRLEN..]
    }
}

/// NLMSG_ERROR for `r`: the error (0 is an acknowledgement) and the request's
/// header, plus its payload for a real error (Linux without NETLINK_CAP_ACK).
fn error(r: &Request<'_>, err: Errno, port: u32) -> Vec<u8> {
    let mut m = Builder::new(NLMSG_ERROR, 0, r.seq, port);
    m.raw(&(-(err as i32)).to_le_bytes());
    m.raw(if err == 0 { &r.msg[..NLMSG_HDRLEN] } else { r.msg });
    m.done()
}

fn link_message(i: &Iface, flags: u16, seq: u32, port: u32) -> Vec<u8> {
    let mut m = Builder::new(RTM_NEWLINK, flags, seq, port);
    // ifinfomsg: family AF_UNSPEC, pad, type, index, flags, change.
    m.raw(&[0, 0]).raw(&i.hatype.to_le_bytes()).raw(&(i.index as i32).to_le_bytes()).raw(&i.flags.to_le_bytes()).raw(&0u32.to_le_bytes());
    m.attr_str(IFLA_IFNAME, i.name)
        .attr(IFLA_TXQLEN, &i.txqlen.to_le_bytes())
        .attr(IFLA_OPERSTATE, &[IF_OPER_UNKNOWN])
        .attr(IFLA_LINKMODE, &[0])
        .attr(IFLA_MTU, &i.mtu.to_le_bytes())
        .attr(IFLA_GROUP, &0u32.to_le_bytes())
        .attr(IFLA_PROMISCUITY, &0u32.to_le_bytes())
        .attr(IFLA_NUM_TX_QUEUES, &1u32.to_le_bytes())
        .attr(IFLA_NUM_RX_QUEUES, &1u32.to_le_bytes())
        .attr(IFLA_CARRIER, &[1])
        .attr_str(IFLA_QDISC, "noqueue")
        .attr(IFLA_ADDRESS, &i.hwaddr)
        .attr(IFLA_BROADCAST, &[0; 6])
        .attr(IFLA_STATS64, &[0; STATS64_LEN])
        .attr(IFLA_STATS, &[0; STATS_LEN]);
    m.done()
}

fn addr_messages(family: u8, flags: u16, seq: u32, port: u32, out: &mut Vec<Vec<u8>>) {
    // Linux dumps family by family: IPv4, then IPv6.
    for fam in [AF_INET, AF_INET6] {
        if family != 0 && family as u16 != fam {
            continue;
        }
        for i in IFACES.iter() {
            for a in i.addrs.iter().filter(|a| a.family == fam) {
                let mut m = Builder::new(RTM_NEWADDR, flags, seq, port);
                // ifaddrmsg: family, prefix length, flags, scope, index.
                m.raw(&[fam as u8, a.prefix, IFA_F_PERMANENT as u8, RT_SCOPE_HOST]).raw(&i.index.to_le_bytes());
                m.attr(IFA_ADDRESS, a.addr);
                if fam == AF_INET {
                    m.attr(IFA_LOCAL, a.addr).attr_str(IFA_LABEL, i.name);
                }
                m.attr(IFA_FLAGS, &IFA_F_PERMANENT.to_le_bytes());
                // ifa_cacheinfo: preferred and valid lifetimes forever, created/updated at boot.
                let mut ci = [0u8; 16];
                ci[0..8].fill(0xff);
                m.attr(IFA_CACHEINFO, &ci);
                out.push(m.done());
            }
        }
    }
}

/// The rtattrs after the fixed part of a request body: (type, data).
fn attrs(body: &[u8], fixed: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = align4(fixed);
    core::iter::from_fn(move || {
        let len = u16::from_le_bytes([*body.get(at)?, *body.get(at + 1)?]) as usize;
        let ty = u16::from_le_bytes([body[at + 2], body[at + 3]]) & 0x3fff;
        if len < 4 || at + len > body.len() {
            return None;
        }
        let data = &body[at + 4..at + len];
        at += align4(len);
        Some((ty, data))
    })
}

/// RTM_GETLINK without NLM_F_DUMP: the link named by ifi_index or IFLA_IFNAME.
fn one_link(r: &Request<'_>) -> Result<&'static Iface, Errno> {
    let body = r.body();
    if body.len() < IFINFOMSG {
        return Err(EINVAL);
    }
    let index = i32::from_le_bytes([body[4], body[5], body[6], body[7]]);
    if index > 0 {
        return super::iface::by_index(index as u32).ok_or(ENODEV);
    }
    let name = attrs(body, IFINFOMSG).find(|&(t, _)| t == IFLA_IFNAME).map(|(_, d)| d).ok_or(EINVAL)?;
    let name = name.split(|&c| c == 0).next().unwrap_or_default();
    super::iface::by_name(name).ok_or(ENODEV)
}

/// Messages of one request: Ok(answers) or the error to report.
fn serve(r: &Request<'_>, port: u32, out: &mut Vec<Vec<u8>>) -> Result<(), Errno> {
    let dump = r.flags & NLM_F_DUMP == NLM_F_DUMP;
    match r.kind {
        RTM_GETLINK if dump => {
            for i in IFACES.iter() {
                out.push(link_message(i, NLM_F_MULTI, r.seq, port));
            }
        }
        RTM_GETLINK => out.push(link_message(one_link(r)?, 0, r.seq, port)),
        RTM_GETADDR if dump => {
            // An rtgenmsg or ifaddrmsg: its first byte is the family.
            let family = r.body().first().copied().unwrap_or(0);
            addr_messages(family, NLM_F_MULTI, r.seq, port, out);
        }
        _ => return Err(EOPNOTSUPP),
    }
    if dump {
        let mut done = Builder::new(NLMSG_DONE, NLM_F_MULTI, r.seq, port);
        done.raw(&0i32.to_le_bytes());
        out.push(done.done());
    }
    Ok(())
}

/// Answers the requests in one datagram sent by port `port`: the reply
/// datagrams, in order. Messages that are not requests are ignored, as
/// Linux does; control messages are only acknowledged (NLM_F_ACK).
pub fn answer(data: &[u8], port: u32) -> Vec<Vec<u8>> {
    let mut datagrams: Vec<Vec<u8>> = Vec::new();
    let mut at = 0;
    while at + NLMSG_HDRLEN <= data.len() {
        let h = &data[at..];
        let len = u32::from_le_bytes([h[0], h[1], h[2], h[3]]) as usize;
        if len < NLMSG_HDRLEN || len > h.len() {
            break; // a truncated message ends the datagram (Linux: silently)
        }
        let r = Request { kind: u16::from_le_bytes([h[4], h[5]]), flags: u16::from_le_bytes([h[6], h[7]]), seq: u32::from_le_bytes([h[8], h[9], h[10], h[11]]), msg: &h[..len] };
        at += align4(len);
        if r.flags & NLM_F_REQUEST == 0 {
            continue;
        }
        let mut msgs = Vec::new();
        let result = if r.kind < NLMSG_MIN_TYPE { Ok(()) } else { serve(&r, port, &mut msgs) };
        match result {
            Err(e) => msgs.push(error(&r, e, port)),
            Ok(()) if r.flags & NLM_F_ACK != 0 && r.flags & NLM_F_DUMP != NLM_F_DUMP => msgs.push(error(&r, 0, port)),
            Ok(()) => {}
        }
        // Each request's answer starts a datagram; a dump fills datagrams up to DATAGRAM bytes.
        let mut cur: Vec<u8> = Vec::new();
        for m in msgs {
            if !cur.is_empty() && cur.len() + m.len() > DATAGRAM {
                datagrams.push(core::mem::take(&mut cur));
            }
            cur.extend_from_slice(&m);
        }
        if !cur.is_empty() {
            datagrams.push(cur);
        }
    }
    datagrams
}
