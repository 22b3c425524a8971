//! A load generator for an echo server on this machine: many idle
//! connections, echo traffic on a few of them, and checks all along.
//!
//! ```text
//! ulimit -n 65536
//! cargo run --release --example poll_server -- 127.0.0.1:9002 &
//! cargo run --release --example load_idle -- 127.0.0.1:9002 10000
//! ```
//!
//! Arguments: `[ADDR] [CONNECTIONS]` (default `127.0.0.1:9002` and 10,000),
//! then options: `--active N` connections carrying echo traffic (50),
//! `--messages N` per active connection (200), `--pings N` idle connections
//! sampled with a Ping (500), `--hold SECS` to keep everything idle before
//! the traffic (3), and `--server-pid PID` to read the server's resident
//! memory from `/proc` before and while the connections are held (Linux).
//!
//! The steps, each with a timeout:
//!
//! 1. open the connections (at most 100 handshakes in flight) and complete
//!    the WebSocket handshake on each;
//! 2. hold them all idle;
//! 3. echo: each active connection sends messages of varied sizes (empty,
//!    the 125/126/127 and 64 KiB length boundaries, up to 300 KB; text and
//!    binary; some fragmented) one after the other, and every echo is
//!    checked byte for byte;
//! 4. ping a sample of the idle connections and check each Pong;
//! 5. close every connection with the close handshake (1000), and wait for
//!    the server to close TCP.
//!
//! It connects only to loopback addresses, and exits non-zero on any
//! error or timeout. One thread drives everything through mio.

use std::io::{self, Read as _};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use mio::net::TcpStream;
use mio::{Events, Interest, Poll, Token};
use wsproto::handshake::{ClientOptions, WsUri};
use wsproto::{ChaChaRng, CloseCode, Config, Connection, Event, Message, MessageKind, Sender};

const MAX_CONNECTIONS: usize = 60_000;
/// Below the listen backlog of 128 that std and mio use, so that no SYN is
/// dropped (a dropped SYN costs a 1 s retransmission).
const HANDSHAKES_IN_FLIGHT: usize = 100;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(60);
const ECHO_TIMEOUT: Duration = Duration::from_secs(60);
const PING_TIMEOUT: Duration = Duration::from_secs(20);
const CLOSE_TIMEOUT: Duration = Duration::from_secs(30);

struct Args {
    addr: SocketAddr,
    connections: usize,
    active: usize,
    messages: usize,
    pings: usize,
    hold: Duration,
    server_pid: Option<u32>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        addr: "127.0.0.1:9002".parse().unwrap(),
        connections: 10_000,
        active: 50,
        messages: 200,
        pings: 500,
        hold: Duration::from_secs(3),
        server_pid: None,
    };
    let mut positional = 0;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| -> Result<u64, String> {
            let v = it.next().ok_or(format!("{name} needs a value"))?;
            v.parse().map_err(|_| format!("{name}: not a number: {v}"))
        };
        match arg.as_str() {
            "--active" => args.active = value("--active")? as usize,
            "--messages" => args.messages = value("--messages")? as usize,
            "--pings" => args.pings = value("--pings")? as usize,
            "--hold" => args.hold = Duration::from_secs(value("--hold")?),
            "--server-pid" => args.server_pid = Some(value("--server-pid")? as u32),
            _ if positional == 0 => {
                args.addr = arg.parse().map_err(|_| format!("not an address: {arg}"))?;
                positional += 1;
            }
            _ if positional == 1 => {
                args.connections = arg.parse().map_err(|_| format!("not a count: {arg}"))?;
                positional += 1;
            }
            _ => return Err(format!("unexpected argument: {arg}")),
        }
    }
    if !args.addr.ip().is_loopback() {
        return Err(format!("{} is not a loopback address: this tool only loads this machine", args.addr));
    }
    if args.connections == 0 || args.connections > MAX_CONNECTIONS {
        return Err(format!("connections must be 1..={MAX_CONNECTIONS}"));
    }
    args.active = args.active.min(args.connections);
    args.pings = args.pings.min(args.connections);
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("load_idle: {e}");
            eprintln!("usage: load_idle [ADDR] [CONNECTIONS] [--active N] [--messages N] [--pings N] [--hold SECS] [--server-pid PID]");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("load_idle: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What a connection waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Handshake,
    Idle,
    /// The echo of the message in this echo slot.
    Echo(usize),
    /// A Pong with this payload.
    Pong(u32),
    /// Our Close is sent; the server's Close comes next.
    Close,
    /// The close handshake is done; the server closes TCP next.
    Eof,
}

struct Peer {
    stream: TcpStream,
    conn: Connection,
    expect: Expect,
}

/// A connection carrying echo traffic.
struct EchoSlot {
    peer: usize,
    /// Messages echoed and checked so far.
    done: usize,
    kind: MessageKind,
    /// The message in flight: text, or binary data.
    text: String,
    binary: Vec<u8>,
}

impl EchoSlot {
    fn expected(&self) -> &[u8] {
        match self.kind {
            MessageKind::Text => self.text.as_bytes(),
            MessageKind::Binary => &self.binary,
        }
    }
}

#[derive(Default)]
struct Tally {
    handshakes: usize,
    echoes: usize,
    echo_bytes: u64,
    echo_slots_done: usize,
    pongs: usize,
    closes: usize,
    errors: usize,
    /// Connections that ended, for good or bad.
    ended: usize,
    /// Connections that ended before their handshake completed.
    handshake_failed: usize,
}

struct Load<'a> {
    args: &'a Args,
    poll: Poll,
    events: Events,
    peers: Vec<Option<Peer>>,
    slots: Vec<EchoSlot>,
    tally: Tally,
    buf: Vec<u8>,
}

impl Load<'_> {
    fn error(&mut self, what: String) {
        self.tally.errors += 1;
        if self.tally.errors <= 10 {
            eprintln!("load_idle: error: {what}");
        } else if self.tally.errors == 11 {
            eprintln!("load_idle: (further errors are only counted)");
        }
    }

    /// Drops a connection after an error.
    fn fail(&mut self, index: usize, what: String) {
        if let Some(mut peer) = self.peers[index].take() {
            let _ = self.poll.registry().deregister(&mut peer.stream);
            self.tally.ended += 1;
            if peer.expect == Expect::Handshake {
                self.tally.handshake_failed += 1;
            }
        }
        self.error(format!("connection {index}: {what}"));
    }

    /// Polls and drives connections until `done` holds or `timeout`
    /// passes. Returns false on timeout.
    fn run_until(&mut self, timeout: Duration, mut done: impl FnMut(&mut Self) -> bool) -> io::Result<bool> {
        let deadline = Instant::now() + timeout;
        loop {
            if done(self) {
                return Ok(true);
            }
            let now = Instant::now();
            if now >= deadline {
                return Ok(false);
            }
            let wait = (deadline - now).min(Duration::from_millis(100));
            match self.poll.poll(&mut self.events, Some(wait)) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
            let tokens: Vec<usize> = self.events.iter().map(|e| e.token().0).collect();
            for index in tokens {
                self.drive(index);
            }
        }
    }

    /// Writes what is pending and reads until `WouldBlock`, checking each
    /// event against what the connection expects.
    fn drive(&mut self, index: usize) {
        let Some(peer) = self.peers[index].as_mut() else { return };
        let Peer { stream, conn, expect } = peer;
        let result = pump(stream, conn, &mut self.buf, |sender, event| {
            on_event(expect, sender, event, &mut self.slots, &mut self.tally, self.args.messages)
        });
        match result {
            Ok(false) => {}
            Ok(true) if peer.expect == Expect::Eof => {
                // The server closed TCP after the close handshake.
                let mut peer = self.peers[index].take().unwrap();
                let _ = self.poll.registry().deregister(&mut peer.stream);
                self.tally.closes += 1;
                self.tally.ended += 1;
            }
            Ok(true) => {
                let expect = peer.expect;
                self.fail(index, format!("the server closed the connection while waiting for {expect:?}"));
            }
            Err(e) => self.fail(index, e),
        }
    }

    fn open_count(&self) -> usize {
        self.peers.iter().flatten().count()
    }
}

/// Flushes, then reads until `WouldBlock`, handing each event to
/// `on_event`. Returns true at EOF.
fn pump(
    stream: &mut TcpStream,
    conn: &mut Connection,
    buf: &mut [u8],
    mut on_event: impl FnMut(&mut Sender, Event<'_>) -> Result<(), String>,
) -> Result<bool, String> {
    flush(stream, conn)?;
    loop {
        let n = match stream.read(buf) {
            Ok(0) => {
                return match conn.read_eof() {
                    Ok(None) => Ok(true),
                    Ok(Some(event)) => Err(format!("EOF: {event:?}")),
                    Err(e) => Err(format!("EOF: {e}")),
                };
            }
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(false),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("read: {e}")),
        };
        let mut start = 0;
        loop {
            let read = conn.read(&mut buf[start..n]).map_err(|e| format!("protocol error: {e}"))?;
            start += read.consumed;
            match read.event {
                None => break,
                Some(event) => on_event(read.sender, event)?,
            }
        }
        if start != n {
            return Err(format!("{} bytes left unconsumed", n - start));
        }
        flush(stream, conn)?;
    }
}

/// Writes pending output until done or `WouldBlock`.
fn flush(stream: &mut TcpStream, conn: &mut Connection) -> Result<(), String> {
    match conn.sender().write_to(stream) {
        // Still connecting: WRITABLE comes.
        Err(e) if e.kind() == io::ErrorKind::NotConnected => Ok(()),
        Err(e) => Err(format!("write: {e}")),
        Ok(_) => Ok(()),
    }
}

fn on_event(
    expect: &mut Expect,
    sender: &mut Sender,
    event: Event<'_>,
    slots: &mut [EchoSlot],
    tally: &mut Tally,
    messages: usize,
) -> Result<(), String> {
    match (*expect, event) {
        (Expect::Handshake, Event::HandshakeComplete(_)) => {
            tally.handshakes += 1;
            *expect = Expect::Idle;
        }
        (Expect::Echo(i), Event::Message(message)) => {
            let slot = &mut slots[i];
            let (kind, got) = (message.kind(), message.as_bytes());
            if kind != slot.kind || got != slot.expected() {
                return Err(format!(
                    "echo {} differs: sent {:?} of {} bytes, got {:?} of {} bytes",
                    slot.done,
                    slot.kind,
                    slot.expected().len(),
                    kind,
                    got.len()
                ));
            }
            tally.echoes += 1;
            tally.echo_bytes += got.len() as u64;
            slot.done += 1;
            if slot.done < messages {
                send_next(slot, sender)?;
            } else {
                tally.echo_slots_done += 1;
                *expect = Expect::Idle;
            }
        }
        (Expect::Pong(id), Event::Pong(payload)) => {
            if payload != id.to_be_bytes() {
                return Err(format!("Pong payload {payload:?} for Ping {id}"));
            }
            tally.pongs += 1;
            *expect = Expect::Idle;
        }
        (Expect::Close, Event::Close(close)) => {
            if close.code != CloseCode::NORMAL {
                return Err(format!("the server closed with {} {}", close.code, close.reason));
            }
            *expect = Expect::Eof;
        }
        (expect, event) => return Err(format!("unexpected {event:?} while waiting for {expect:?}")),
    }
    Ok(())
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn new(a: usize, b: usize) -> Rng {
        Rng((a as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (b as u64).wrapping_mul(0xD1B5_4A32_D192_ED03) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Builds message number `slot.done` of this slot and
/// queues it, sometimes in three fragments.
fn send_next(slot: &mut EchoSlot, sender: &mut Sender) -> Result<(), String> {
    let i = slot.done;
    let mut rng = Rng::new(slot.peer, i);
    let size = match i % 10 {
        0 => 0,
        1 => rng.below(126),
        2 => 126,
        3 => 127 + rng.below(65_536 - 127),
        4 => 65_535,
        5 | 7 => 65_536,
        6 => rng.below(1_500),
        8 => rng.below(16_384),
        _ if i % 20 == 9 => 200_000 + rng.below(100_000),
        _ => rng.below(4_096),
    };
    slot.kind = if (slot.peer + i) % 2 == 0 { MessageKind::Text } else { MessageKind::Binary };
    match slot.kind {
        MessageKind::Binary => {
            slot.binary.clear();
            slot.binary.resize(size, 0);
            for chunk in slot.binary.chunks_mut(8) {
                chunk.copy_from_slice(&rng.next().to_le_bytes()[..chunk.len()]);
            }
        }
        MessageKind::Text => fill_text(&mut slot.text, size, &mut rng),
    }
    let data = slot.expected();
    let result = if i % 3 == 2 && size >= 3 {
        // Fragment boundaries may fall inside a character.
        let (a, b) = (size / 3, 2 * size / 3);
        sender
            .begin_message(slot.kind, &data[..a])
            .and_then(|()| sender.continue_message(&data[a..b]))
            .and_then(|()| sender.finish_message(&data[b..]))
    } else {
        match slot.kind {
            MessageKind::Text => sender.send_message(Message::Text(&slot.text)),
            MessageKind::Binary => sender.send_message(Message::Binary(&slot.binary)),
        }
    };
    result.map_err(|e| format!("send: {e}"))
}

/// Text of exactly `size` bytes: mixed one- to four-byte characters, from a
/// random place in a pattern.
fn fill_text(text: &mut String, size: usize, rng: &mut Rng) {
    const PATTERN: &str = "wsproto echo · été, 10 €, naïve café ✓ 😀 Ω≈ç√ 日本語 plain ASCII words ";
    text.clear();
    let mut from = rng.below(PATTERN.len());
    while !PATTERN.is_char_boundary(from) {
        from -= 1;
    }
    let mut src = &PATTERN[from..];
    while text.len() < size {
        let room = size - text.len();
        if src.is_empty() {
            src = PATTERN;
        }
        if src.len() <= room {
            text.push_str(src);
            src = "";
        } else {
            let mut cut = room;
            while !src.is_char_boundary(cut) {
                cut -= 1;
            }
            text.push_str(&src[..cut]);
            text.extend(std::iter::repeat_n('x', room - cut));
        }
    }
}

/// The resident set of a process, from `/proc/PID/status`, in KiB.
fn rss_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn run(args: &Args) -> io::Result<bool> {
    let started = Instant::now();
    let uri = WsUri::parse(&format!("ws://{}/", args.addr)).map_err(|e| io::Error::other(e.to_string()))?;
    let rss_before = args.server_pid.and_then(|pid| rss_kib(pid, "VmRSS:"));
    let mut load = Load {
        args,
        poll: Poll::new()?,
        events: Events::with_capacity(1024),
        peers: Vec::with_capacity(args.connections),
        slots: Vec::new(),
        tally: Tally::default(),
        buf: vec![0u8; 64 * 1024],
    };
    let mut timed_out = Vec::new();

    // 1. Connect and complete the handshakes, a window at a time.
    let step = Instant::now();
    let n = args.connections;
    let ok = load.run_until(CONNECT_TIMEOUT, |load| {
        let settled = |t: &Tally| t.handshakes + t.handshake_failed;
        while load.peers.len() < n && load.peers.len() - settled(&load.tally) < HANDSHAKES_IN_FLIGHT {
            let index = load.peers.len();
            let mut seed = [7u8; 32];
            seed[..8].copy_from_slice(&(index as u64).to_le_bytes());
            let connected = TcpStream::connect(args.addr).and_then(|mut stream| {
                stream.set_nodelay(true)?;
                let interest = Interest::READABLE | Interest::WRITABLE;
                load.poll.registry().register(&mut stream, Token(index), interest)?;
                Ok(stream)
            });
            let conn = Connection::client(&uri, &ClientOptions::new(), Config::default(), ChaChaRng::from_seed(seed));
            match (connected, conn) {
                (Ok(stream), Ok(conn)) => load.peers.push(Some(Peer { stream, conn, expect: Expect::Handshake })),
                (Err(e), _) => {
                    load.peers.push(None);
                    load.tally.ended += 1;
                    load.tally.handshake_failed += 1;
                    load.error(format!("connection {index}: connect: {e}"));
                }
                (_, Err(e)) => {
                    load.peers.push(None);
                    load.tally.ended += 1;
                    load.tally.handshake_failed += 1;
                    load.error(format!("connection {index}: {e}"));
                }
            }
        }
        settled(&load.tally) >= n
    })?;
    if !ok {
        timed_out.push("handshakes");
    }
    println!("load_idle: {} of {n} handshakes in {:.1} s", load.tally.handshakes, step.elapsed().as_secs_f64());

    // 2. Hold everything idle. Nothing may arrive meanwhile.
    load.run_until(args.hold, |_| false)?;
    let held = load.open_count();
    println!("load_idle: {held} idle connections held for {} s", args.hold.as_secs());
    if let (Some(pid), Some(before)) = (args.server_pid, rss_before) {
        if let Some(idle) = rss_kib(pid, "VmRSS:") {
            let per = (idle.saturating_sub(before) * 1024) / held.max(1) as u64;
            println!(
                "load_idle: server RSS {before} KiB before, {idle} KiB with {held} idle connections: {per} bytes per connection"
            );
        }
    }

    // 3. Echo traffic on a spread of connections.
    let step = Instant::now();
    for k in 0..args.active {
        let index = k * n / args.active;
        let Some(peer) = load.peers[index].as_mut() else { continue };
        let slot = load.slots.len();
        load.slots.push(EchoSlot {
            peer: index,
            done: 0,
            kind: MessageKind::Binary,
            text: String::new(),
            binary: Vec::new(),
        });
        peer.expect = Expect::Echo(slot);
        if let Err(e) = send_next(&mut load.slots[slot], peer.conn.sender()) {
            load.fail(index, e);
            continue;
        }
        load.drive(index);
    }
    let started_slots = load.slots.len();
    let ended_before = load.tally.ended;
    let ok = load.run_until(ECHO_TIMEOUT, |load| {
        // A slot whose connection failed no longer counts.
        let lost = load.tally.ended - ended_before;
        load.tally.echo_slots_done + lost >= started_slots
    })?;
    if !ok {
        timed_out.push("echo");
    }
    let secs = step.elapsed().as_secs_f64();
    println!(
        "load_idle: {} echoes verified on {started_slots} connections, {:.1} MB each way in {secs:.1} s",
        load.tally.echoes,
        load.tally.echo_bytes as f64 / 1e6
    );

    // 4. Ping a sample of the idle connections.
    let mut pinged = 0;
    for k in 0..args.pings {
        let index = (k * n / args.pings + n / args.pings.max(1) / 2) % n;
        let Some(peer) = load.peers[index].as_mut() else { continue };
        if peer.expect != Expect::Idle {
            continue;
        }
        let id = index as u32;
        if let Err(e) = peer.conn.sender().send_ping(&id.to_be_bytes()) {
            load.fail(index, format!("ping: {e}"));
            continue;
        }
        peer.expect = Expect::Pong(id);
        pinged += 1;
        load.drive(index);
    }
    let ok =
        load.run_until(PING_TIMEOUT, |load| load.peers.iter().flatten().all(|p| !matches!(p.expect, Expect::Pong(_))))?;
    if !ok {
        timed_out.push("pings");
    }
    println!("load_idle: {} of {pinged} sampled idle connections answered a Ping", load.tally.pongs);

    // 5. Close everything with the close handshake.
    let step = Instant::now();
    for index in 0..load.peers.len() {
        let Some(peer) = load.peers[index].as_mut() else { continue };
        if let Err(e) = peer.conn.sender().send_close(CloseCode::NORMAL, "") {
            load.fail(index, format!("close: {e}"));
            continue;
        }
        peer.expect = Expect::Close;
        load.drive(index);
    }
    let ok = load.run_until(CLOSE_TIMEOUT, |load| load.peers.iter().all(Option::is_none))?;
    if !ok {
        timed_out.push("close");
    }
    println!("load_idle: {} clean closes in {:.1} s", load.tally.closes, step.elapsed().as_secs_f64());

    for step in &timed_out {
        load.error(format!("the {step} step timed out"));
    }
    let t = &load.tally;
    let complete =
        t.handshakes == n && held == n && t.echoes == args.active * args.messages && t.pongs == pinged && t.closes == n;
    if !complete && t.errors == 0 {
        load.error("some step did not complete".into());
    }
    let t = &load.tally;
    let errors = t.errors;
    println!(
        "load_idle: {held} idle connections held, {} handshakes, {} echoes verified, {} pongs, {} clean closes, {errors} errors, {:.1} s",
        t.handshakes,
        t.echoes,
        t.pongs,
        t.closes,
        started.elapsed().as_secs_f64()
    );
    Ok(errors == 0)
}
