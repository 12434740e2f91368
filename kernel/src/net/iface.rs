//! vibix's network interfaces: the loopback "lo" only (every socket talks to
//! kernel objects on the same machine; there is no network device). One
//! description serves the interface ioctls (`Socket::ioctl`) and the
//! rtnetlink dumps (`net/rtnetlink.rs`), so both tell the same story.

/// ARPHRD_LOOPBACK: the hardware type of a loopback device.
pub const ARPHRD_LOOPBACK: u16 = 772;
pub const IFF_UP: u32 = 0x1;
pub const IFF_LOOPBACK: u32 = 0x8;
pub const IFF_RUNNING: u32 = 0x40;
pub const IFF_LOWER_UP: u32 = 0x10000;

/// An address configured on an interface.
pub struct IfAddr {
    /// AF_INET or AF_INET6.
    pub family: u16,
    /// The address bytes (4 or 16).
    pub addr: &'static [u8],
    pub prefix: u8,
}

pub struct Iface {
    pub index: u32,
    pub name: &'static str,
    pub hatype: u16,
    pub flags: u32,
    pub mtu: u32,
    pub txqlen: u32,
    /// Hardware address and broadcast address (loopback: six zero bytes each).
    pub hwaddr: [u8; 6],
    pub addrs: &'static [IfAddr],
}

const LO_V6: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

/// Linux's loopback: index 1, always up and running, mtu 65536, 127.0.0.1/8 and ::1/128.
pub static IFACES: [Iface; 1] = [Iface {
    index: 1,
    name: "lo",
    hatype: ARPHRD_LOOPBACK,
    flags: IFF_UP | IFF_LOOPBACK | IFF_RUNNING | IFF_LOWER_UP,
    mtu: 65536,
    txqlen: 1000,
    hwaddr: [0; 6],
    addrs: &[
        IfAddr { family: super::addr::AF_INET, addr: &[127, 0, 0, 1], prefix: 8 },
        IfAddr { family: super::addr::AF_INET6, addr: &LO_V6, prefix: 128 },
    ],
}];

pub fn by_index(index: u32) -> Option<&'static Iface> {
    IFACES.iter().find(|i| i.index == index)
}

pub fn by_name(name: &[u8]) -> Option<&'static Iface> {
    IFACES.iter().find(|i| i.name.as_bytes() == name)
}

const SIOCGIFNAME: u64 = 0x8910;
const SIOCGIFCONF: u64 = 0x8912;
const SIOCGIFFLAGS: u64 = 0x8913;
const SIOCGIFADDR: u64 = 0x8915;
const SIOCGIFNETMASK: u64 = 0x891b;
const SIOCGIFMTU: u64 = 0x8921;
const SIOCGIFHWADDR: u64 = 0x8927;
const SIOCGIFINDEX: u64 = 0x8933;
const SIOCGIFTXQLEN: u64 = 0x8942;
/// `struct ifreq`: the name in 16 bytes, then a 24-byte union.
const IFREQ: usize = 40;
const IFNAMSIZ: usize = 16;

/// `struct sockaddr_in` of an IPv4 address (port 0), as the address ioctls give it.
fn sockaddr_in(ip: &[u8]) -> [u8; 16] {
    let mut b = [0u8; 16];
    b[0..2].copy_from_slice(&super::addr::AF_INET.to_le_bytes());
    b[4..8].copy_from_slice(ip);
    b
}

fn ipv4(i: &Iface) -> Option<&'static IfAddr> {
    i.addrs.iter().find(|a| a.family == super::addr::AF_INET)
}

/// The prefix as a netmask of `len` bytes (255.0.0.0 for /8).
pub fn netmask(prefix: u8, len: usize) -> alloc::vec::Vec<u8> {
    (0..len)
        .map(|k| match (prefix as usize).saturating_sub(k * 8).min(8) {
            0 => 0,
            bits => 0xffu8 << (8 - bits),
        })
        .collect()
}

/// The interface ioctls (SIOCGIF*) any socket answers; None: not one of them.
pub fn ioctl(req: u64, arg: u64) -> Option<Result<i64, crate::errno::Errno>> {
    use crate::errno::*;
    use crate::mm::uaccess;
    let named = |arg: u64| -> Result<&'static Iface, Errno> {
        let name: [u8; IFNAMSIZ] = uaccess::read(arg)?;
        let len = name.iter().position(|&c| c == 0).unwrap_or(IFNAMSIZ);
        by_name(&name[..len]).ok_or(ENODEV)
    };
    // The union starts at byte 16 of the ifreq.
    let answer = |bytes: &[u8]| uaccess::copy_out(arg + IFNAMSIZ as u64, bytes).map(|_| 0);
    Some(match req {
        SIOCGIFINDEX => named(arg).and_then(|i| answer(&(i.index as i32).to_le_bytes())),
        SIOCGIFNAME => uaccess::read::<i32>(arg + IFNAMSIZ as u64).and_then(|index| {
            let i = by_index(index as u32).ok_or(ENODEV)?;
            let mut name = [0u8; IFNAMSIZ];
            name[..i.name.len()].copy_from_slice(i.name.as_bytes());
            uaccess::copy_out(arg, &name).map(|_| 0)
        }),
        SIOCGIFFLAGS => named(arg).and_then(|i| answer(&(i.flags as u16).to_le_bytes())), // ifr_flags is a short
        SIOCGIFMTU => named(arg).and_then(|i| answer(&(i.mtu as i32).to_le_bytes())),
        SIOCGIFTXQLEN => named(arg).and_then(|i| answer(&(i.txqlen as i32).to_le_bytes())),
        SIOCGIFHWADDR => named(arg).and_then(|i| {
            let mut sa = [0u8; 16];
            sa[0..2].copy_from_slice(&i.hatype.to_le_bytes());
            sa[2..8].copy_from_slice(&i.hwaddr);
            answer(&sa)
        }),
        SIOCGIFADDR => named(arg).and_then(|i| answer(&sockaddr_in(ipv4(i).ok_or(EADDRNOTAVAIL)?.addr))),
        SIOCGIFNETMASK => named(arg).and_then(|i| answer(&sockaddr_in(&netmask(ipv4(i).ok_or(EADDRNOTAVAIL)?.prefix, 4)))),
        SIOCGIFCONF => ifconf(arg),
        _ => return None,
    })
}

/// SIOCGIFCONF: one ifreq (name, sockaddr_in) per IPv4 address; with a NULL
/// buffer only the length needed; otherwise as many whole entries as fit.
fn ifconf(arg: u64) -> Result<i64, crate::errno::Errno> {
    use crate::mm::uaccess;
    // struct ifconf { int ifc_len; (pad) char *ifc_buf; }
    let (room, buf): (i32, u64) = (uaccess::read(arg)?, uaccess::read(arg + 8)?);
    let mut entries = alloc::vec::Vec::new();
    for i in IFACES.iter() {
        for a in i.addrs.iter().filter(|a| a.family == super::addr::AF_INET) {
            let mut r = [0u8; IFREQ];
            r[..i.name.len()].copy_from_slice(i.name.as_bytes());
            r[IFNAMSIZ..IFNAMSIZ + 16].copy_from_slice(&sockaddr_in(a.addr));
            entries.push(r);
        }
    }
    let len = if buf == 0 {
        entries.len() * IFREQ
    } else {
        let fit = (room.max(0) as usize / IFREQ).min(entries.len());
        for (k, r) in entries.iter().take(fit).enumerate() {
            uaccess::copy_out(buf + (k * IFREQ) as u64, r)?;
        }
        fit * IFREQ
    };
    uaccess::write(arg, &(len as i32))?;
    Ok(0)
}
