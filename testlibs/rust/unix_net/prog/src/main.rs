//! std::os::unix::net over AF_UNIX: stream pairs, a listener with a client
//! thread, datagrams, non-blocking mode, timeouts, shutdown.
use std::io::{ErrorKind, Read, Write};
use std::net::Shutdown;
use std::os::unix::net::{UnixDatagram, UnixListener, UnixStream};
use std::thread;
use std::time::Duration;

fn main() {
    let (mut a, mut b) = UnixStream::pair().unwrap();
    a.write_all(b"over a pair").unwrap();
    let mut buf = [0u8; 64];
    let n = b.read(&mut buf).unwrap();
    println!("pair: {:?}", std::str::from_utf8(&buf[..n]).unwrap());
    a.shutdown(Shutdown::Write).unwrap();
    println!("after shutdown(Write): read {}", b.read(&mut buf).unwrap());
    b.set_nonblocking(true).unwrap();
    drop(a);
    println!("closed peer: read {:?}", b.read(&mut buf).map_err(|e| e.kind()));

    let path = "vibix-std-unix.sock";
    let _ = std::fs::remove_file(path);
    let listener = UnixListener::bind(path).unwrap();
    println!("listener addr: {:?}", listener.local_addr().unwrap().as_pathname());
    let client = thread::spawn(move || {
        let mut s = UnixStream::connect(path).unwrap();
        let peer = format!("{:?}", s.peer_addr().unwrap().as_pathname());
        s.write_all(b"hello from the client\n").unwrap();
        s.shutdown(Shutdown::Write).unwrap();
        let mut reply = String::new();
        s.read_to_string(&mut reply).unwrap();
        (peer, reply)
    });
    let (mut conn, addr) = listener.accept().unwrap();
    println!("accepted an unnamed client: {}", addr.is_unnamed());
    let mut got = String::new();
    conn.read_to_string(&mut got).unwrap();
    conn.write_all(format!("echo: {got}").as_bytes()).unwrap();
    drop(conn);
    let (peer, reply) = client.join().unwrap();
    println!("client's peer: {peer}");
    print!("client got: {reply}");
    listener.set_nonblocking(true).unwrap();
    println!("nonblocking accept: {:?}", listener.accept().map(|_| ()).unwrap_err().kind());
    drop(listener);
    let _ = std::fs::remove_file(path);

    let (d1, d2) = UnixDatagram::pair().unwrap();
    d1.send(b"dgram one").unwrap();
    d1.send(b"dgram two").unwrap();
    let n = d2.recv(&mut buf).unwrap();
    let m = d2.recv(&mut buf[n..]).unwrap();
    println!("datagram pair: {} + {} bytes", n, m);
    d2.set_read_timeout(Some(Duration::from_millis(50))).unwrap();
    let e = d2.recv(&mut buf).unwrap_err();
    println!("datagram timeout: {}", matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut));

    let dpath = "vibix-std-dgram.sock";
    let _ = std::fs::remove_file(dpath);
    let server = UnixDatagram::bind(dpath).unwrap();
    let anon = UnixDatagram::unbound().unwrap();
    anon.send_to(b"to the named one", dpath).unwrap();
    let (n, from) = server.recv_from(&mut buf).unwrap();
    println!("named datagram: {:?} from unnamed {}", std::str::from_utf8(&buf[..n]).unwrap(), from.is_unnamed());
    anon.connect(dpath).unwrap();
    anon.send(b"connected").unwrap();
    println!("connected send: {} bytes", server.recv(&mut buf).unwrap());
    drop(server);
    let _ = std::fs::remove_file(dpath);
    println!("connect to a missing path: {:?}", UnixStream::connect("vibix-no-such.sock").map(|_| ()).unwrap_err().kind());
}
