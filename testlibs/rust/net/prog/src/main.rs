//! std::net on the loopback interface: TCP echo server/client, UDP, timeouts,
//! non-blocking accept, refused connections, address parsing and lookup.
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs, UdpSocket};
use std::thread;
use std::time::Duration;

fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    println!("listening on 127.0.0.1, port nonzero: {}", addr.port() != 0);
    let server = thread::spawn(move || {
        let mut served = 0;
        for stream in listener.incoming().take(4) {
            let stream = stream.unwrap();
            served += 1;
            thread::spawn(move || {
                let mut w = stream.try_clone().unwrap();
                for line in BufReader::new(stream).lines() {
                    let line = line.unwrap();
                    w.write_all(format!("echo: {line}\n").as_bytes()).unwrap();
                }
            });
        }
        served
    });

    let clients: Vec<_> = (0..4).map(|c| thread::spawn(move || {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_nodelay(true).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        assert_eq!(s.peer_addr().unwrap(), addr);
        let mut out = String::new();
        for i in 0..3 {
            s.write_all(format!("client {c} msg {i}\n").as_bytes()).unwrap();
        }
        s.shutdown(Shutdown::Write).unwrap();
        s.read_to_string(&mut out).unwrap();
        out
    })).collect();
    for c in clients {
        print!("{}", c.join().unwrap());
    }
    println!("server accepted {}", server.join().unwrap());

    // A big transfer in both directions.
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let a = l.local_addr().unwrap();
    let t = thread::spawn(move || {
        let (mut s, peer) = l.accept().unwrap();
        let mut v = Vec::new();
        s.read_to_end(&mut v).unwrap();
        (v.len(), v.iter().map(|&b| b as u64).sum::<u64>(), peer.ip().is_loopback())
    });
    let data: Vec<u8> = (0..8_000_000u32).map(|i| i as u8).collect();
    TcpStream::connect(a).unwrap().write_all(&data).unwrap();
    println!("8 MB transfer (len, sum, loopback peer): {:?}", t.join().unwrap());

    let u1 = UdpSocket::bind("127.0.0.1:0").unwrap();
    let u2 = UdpSocket::bind("127.0.0.1:0").unwrap();
    u1.send_to(b"datagram one", u2.local_addr().unwrap()).unwrap();
    let mut buf = [0u8; 64];
    let (n, from) = u2.recv_from(&mut buf).unwrap();
    println!("udp: {:?} from u1: {}", std::str::from_utf8(&buf[..n]).unwrap(), from == u1.local_addr().unwrap());
    u2.set_read_timeout(Some(Duration::from_millis(50))).unwrap();
    let e = u2.recv_from(&mut buf).unwrap_err();
    println!("udp timeout kind is WouldBlock/TimedOut: {}", matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut));

    let nb = TcpListener::bind("127.0.0.1:0").unwrap();
    nb.set_nonblocking(true).unwrap();
    println!("nonblocking accept: {:?}", nb.accept().map(|_| ()).unwrap_err().kind());
    let closed = nb.local_addr().unwrap();
    drop(nb);
    let e = TcpStream::connect(closed).unwrap_err();
    println!("connect to closed port: {:?} / {}", e.kind(), e);
    let e = TcpStream::connect_timeout(&closed, Duration::from_secs(2)).unwrap_err();
    println!("connect_timeout to closed port: {:?}", e.kind());

    let parsed: SocketAddr = "[::1]:8080".parse().unwrap();
    println!("parsed {parsed} v6 {}", parsed.is_ipv6());
    let mut resolved: Vec<SocketAddr> = ("127.0.0.1", 80).to_socket_addrs().unwrap().collect();
    resolved.sort();
    println!("lookup 127.0.0.1 -> {resolved:?}");
    let mut resolved: Vec<SocketAddr> = "127.0.0.1:443".to_socket_addrs().unwrap().collect();
    resolved.sort();
    println!("lookup 127.0.0.1:443 -> {resolved:?}");
    let local: Vec<SocketAddr> = ("localhost", 22).to_socket_addrs().unwrap().filter(|a| a.is_ipv4()).collect();
    println!("localhost has 127.0.0.1: {}", local.iter().any(|a| a.ip().is_loopback()));
}
