//! Resolving a name with the search list: which fully qualified names to try
//! (`ndots`, `search`, a trailing dot) and what the answers add up to.

use alloc::vec::Vec;

use super::conf::Conf;
use super::msg;
use super::send::{new_id, send, SendError};

/// Why a lookup produced nothing (the `h_errno` cases).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// NXDOMAIN for every candidate (HOST_NOT_FOUND).
    NotFound,
    /// The name exists but has no record of the type (NO_DATA).
    NoData,
    /// No server answered (TRY_AGAIN).
    Again,
    /// Servers failed or the name is unusable (NO_RECOVERY).
    Fail,
}

/// Sends one question and returns the response if its rcode is NOERROR.
pub fn query(conf: &Conf, name: &[u8], class: u16, qtype: u16) -> Result<Vec<u8>, Failure> {
    let q = msg::build_query(new_id(), name, qtype, class).map_err(|_| Failure::Fail)?;
    let resp = send(conf, &q).map_err(|e| match e {
        SendError::Timeout => Failure::Again,
        SendError::Failed => Failure::Fail,
    })?;
    match msg::header(&resp).map_err(|_| Failure::Fail)?.rcode {
        0 => Ok(resp),
        msg::RCODE_NXDOMAIN => Err(Failure::NotFound),
        // SERVFAIL: the server could not get an answer now (glibc: TRY_AGAIN).
        msg::RCODE_SERVFAIL => Err(Failure::Again),
        _ => Err(Failure::Fail),
    }
}

/// The names to try for `name`, in order (glibc's rule): as given first when it
/// has at least `ndots` dots, else after the search domains; only as given when
/// it ends with a dot.
pub fn candidates(conf: &Conf, name: &[u8]) -> Vec<Vec<u8>> {
    if let Some(abs) = name.strip_suffix(b".") {
        return alloc::vec![abs.to_vec()];
    }
    let dots = name.iter().filter(|&&b| b == b'.').count() as u32;
    let mut list: Vec<Vec<u8>> = conf
        .search
        .iter()
        .map(|d| {
            let mut n = name.to_vec();
            n.push(b'.');
            n.extend_from_slice(d);
            n
        })
        .collect();
    if dots >= conf.ndots {
        list.insert(0, name.to_vec());
    } else {
        list.push(name.to_vec());
    }
    list
}

/// Combines the failures of several candidates: any NO_DATA means the name
/// exists; a timeout means the answer may still exist; else not found.
fn worst(acc: Option<Failure>, f: Failure) -> Failure {
    match (acc, f) {
        (Some(Failure::NoData), _) | (_, Failure::NoData) => Failure::NoData,
        (Some(Failure::Again), _) | (_, Failure::Again) => Failure::Again,
        (Some(Failure::Fail), _) | (_, Failure::Fail) => Failure::Fail,
        _ => Failure::NotFound,
    }
}

/// Tries each candidate name with every type in `qtypes`; returns the first
/// candidate's responses (one per type, in order) where some type has records
/// after following CNAMEs, with the candidate name.
pub fn search(conf: &Conf, name: &[u8], qtypes: &[u16]) -> Result<(Vec<u8>, Vec<Vec<u8>>), Failure> {
    let mut failure = None;
    for cand in candidates(conf, name) {
        let mut resps = Vec::new();
        let mut any = false;
        let mut nx = false;
        for &t in qtypes {
            match query(conf, &cand, msg::CLASS_IN, t) {
                Ok(r) => {
                    if msg::chase(&r, &cand, t).is_ok_and(|(_, recs)| !recs.is_empty()) {
                        any = true;
                    }
                    resps.push(r);
                }
                Err(Failure::NotFound) => {
                    nx = true;
                    break;
                }
                Err(f) => failure = Some(worst(failure, f)),
            }
        }
        if any {
            return Ok((cand, resps));
        }
        if !nx && resps.len() == qtypes.len() {
            failure = Some(worst(failure, Failure::NoData));
        } else if nx {
            failure = Some(worst(failure, Failure::NotFound));
        }
    }
    Err(failure.unwrap_or(Failure::NotFound))
}
