//! DNS messages (RFC 1035 section 4): building queries, reading answers,
//! domain names with compression pointers.

use alloc::vec::Vec;

pub const HEADER_LEN: usize = 12;
pub const CLASS_IN: u16 = 1;
pub const TYPE_A: u16 = 1;
pub const TYPE_CNAME: u16 = 5;
pub const TYPE_PTR: u16 = 12;
pub const TYPE_AAAA: u16 = 28;
pub const RCODE_SERVFAIL: u8 = 2;
pub const RCODE_NXDOMAIN: u8 = 3;
/// Longest name in text form (253 characters plus the root dot and NUL slack).
pub const MAX_NAME: usize = 255;

/// Why a message or name is unusable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

pub fn get16(m: &[u8], at: usize) -> Result<u16, Malformed> {
    m.get(at..at + 2).map(|b| u16::from_be_bytes([b[0], b[1]])).ok_or(Malformed)
}

fn get32(m: &[u8], at: usize) -> Result<u32, Malformed> {
    m.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]])).ok_or(Malformed)
}

/// Appends `name` (dotted text, a trailing dot allowed) in wire form.
pub fn encode_name(name: &[u8], out: &mut Vec<u8>) -> Result<(), Malformed> {
    let name = name.strip_suffix(b".").unwrap_or(name);
    let start = out.len();
    if !name.is_empty() {
        for label in name.split(|&b| b == b'.') {
            if label.is_empty() || label.len() > 63 {
                return Err(Malformed);
            }
            out.push(label.len() as u8);
            out.extend_from_slice(label);
        }
    }
    out.push(0);
    if out.len() - start > MAX_NAME {
        out.truncate(start);
        return Err(Malformed);
    }
    Ok(())
}

/// A standard query with recursion desired.
pub fn build_query(id: u16, name: &[u8], qtype: u16, qclass: u16) -> Result<Vec<u8>, Malformed> {
    let mut q = Vec::with_capacity(HEADER_LEN + name.len() + 6);
    q.extend_from_slice(&id.to_be_bytes());
    q.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    encode_name(name, &mut q)?;
    q.extend_from_slice(&qtype.to_be_bytes());
    q.extend_from_slice(&qclass.to_be_bytes());
    Ok(q)
}

/// Reads the (possibly compressed) name at `at`: its dotted text form without a
/// trailing dot ("" for the root) and the offset after it in the message.
pub fn read_name(m: &[u8], mut at: usize) -> Result<(Vec<u8>, usize), Malformed> {
    let mut text = Vec::new();
    let mut end = None;
    // Each pointer must go backwards, which bounds the walk and forbids loops.
    let mut limit = at;
    let mut wire_len = 0usize;
    loop {
        let len = *m.get(at).ok_or(Malformed)?;
        match len & 0xc0 {
            0 if len == 0 => {
                return Ok((text, end.unwrap_or(at + 1)));
            }
            0 => {
                let label = m.get(at + 1..at + 1 + len as usize).ok_or(Malformed)?;
                wire_len += len as usize + 1;
                if wire_len > MAX_NAME {
                    return Err(Malformed);
                }
                if !text.is_empty() {
                    text.push(b'.');
                }
                for &b in label {
                    // Bytes the text form cannot hold plainly are escaped (RFC 4343).
                    if b == b'.' || b == b'\\' {
                        text.extend_from_slice(&[b'\\', b]);
                    } else if !(0x21..0x7f).contains(&b) {
                        text.extend_from_slice(&[b'\\', b'0' + b / 100, b'0' + b / 10 % 10, b'0' + b % 10]);
                    } else {
                        text.push(b);
                    }
                }
                at += 1 + len as usize;
            }
            0xc0 => {
                let ptr = (get16(m, at)? & 0x3fff) as usize;
                if ptr >= limit {
                    return Err(Malformed);
                }
                end.get_or_insert(at + 2);
                limit = ptr;
                at = ptr;
            }
            _ => return Err(Malformed),
        }
    }
}

/// Offset after the name at `at`, without decoding it.
pub fn skip_name(m: &[u8], mut at: usize) -> Result<usize, Malformed> {
    loop {
        let len = *m.get(at).ok_or(Malformed)?;
        match len & 0xc0 {
            0 if len == 0 => return Ok(at + 1),
            0 => at += 1 + len as usize,
            0xc0 if at + 2 <= m.len() => return Ok(at + 2),
            _ => return Err(Malformed),
        }
        if at > m.len() {
            return Err(Malformed);
        }
    }
}

pub struct Header {
    pub id: u16,
    pub response: bool,
    pub truncated: bool,
    pub rcode: u8,
    pub qdcount: u16,
    pub ancount: u16,
}

pub fn header(m: &[u8]) -> Result<Header, Malformed> {
    if m.len() < HEADER_LEN {
        return Err(Malformed);
    }
    Ok(Header {
        id: get16(m, 0)?,
        response: m[2] & 0x80 != 0,
        truncated: m[2] & 0x02 != 0,
        rcode: m[3] & 0x0f,
        qdcount: get16(m, 4)?,
        ancount: get16(m, 6)?,
    })
}

/// One resource record of the answer section.
pub struct Record {
    pub name: Vec<u8>,
    pub rtype: u16,
    pub class: u16,
    pub ttl: u32,
    /// Offset and length of the data in the message.
    pub data: (usize, usize),
}

/// The answer records of a response (question section skipped).
pub fn answers(m: &[u8]) -> Result<Vec<Record>, Malformed> {
    let h = header(m)?;
    let mut at = HEADER_LEN;
    for _ in 0..h.qdcount {
        at = skip_name(m, at)? + 4;
    }
    let mut out = Vec::with_capacity(h.ancount as usize);
    for _ in 0..h.ancount {
        let (name, next) = read_name(m, at)?;
        let rtype = get16(m, next)?;
        let class = get16(m, next + 2)?;
        let ttl = get32(m, next + 4)?;
        let len = get16(m, next + 8)? as usize;
        let start = next + 10;
        if start + len > m.len() {
            return Err(Malformed);
        }
        out.push(Record { name, rtype, class, ttl, data: (start, len) });
        at = start + len;
    }
    Ok(out)
}

/// Does the response's question equal the query's (name case-insensitively)?
pub fn same_question(query: &[u8], resp: &[u8]) -> bool {
    let (Ok(hq), Ok(hr)) = (header(query), header(resp)) else { return false };
    if hq.qdcount != 1 || hr.qdcount != 1 {
        return false;
    }
    let (Ok(eq), Ok(er)) = (skip_name(query, HEADER_LEN), skip_name(resp, HEADER_LEN)) else { return false };
    let (qn, rn) = (&query[HEADER_LEN..eq], &resp[HEADER_LEN..er]);
    qn.eq_ignore_ascii_case(rn) && query.get(eq..eq + 4).is_some_and(|t| resp.get(er..er + 4) == Some(t))
}

/// Follows the CNAME chain from `qname` through the answer records and returns
/// the final (canonical) name and the data of the `rtype` records it owns.
pub fn chase<'a>(m: &'a [u8], qname: &[u8], rtype: u16) -> Result<(Vec<u8>, Vec<&'a [u8]>), Malformed> {
    let recs = answers(m)?;
    let mut target = qname.strip_suffix(b".").unwrap_or(qname).to_vec();
    // Each CNAME step must change the target; the record count bounds the chain.
    for _ in 0..=recs.len() {
        let next = recs.iter().find(|r| r.rtype == TYPE_CNAME && r.class == CLASS_IN && r.name.eq_ignore_ascii_case(&target));
        match next {
            Some(r) if rtype != TYPE_CNAME => target = read_name(m, r.data.0)?.0,
            _ => break,
        }
    }
    let found = recs
        .iter()
        .filter(|r| r.rtype == rtype && r.class == CLASS_IN && r.name.eq_ignore_ascii_case(&target))
        .map(|r| &m[r.data.0..r.data.0 + r.data.1])
        .collect();
    Ok((target, found))
}
