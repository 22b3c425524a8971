//! `Sender::send_borrowed` on a server: only the header is queued and the
//! payload goes out from the caller's buffer. Whatever the write pattern,
//! and wherever the driver gives up and drops the send, the bytes on the
//! wire are exactly those the copying `send_message` produces, and a peer
//! parses them back into the same message in every split. The rules of
//! every send hold: state checks, fragment sequencing, bytes queued before
//! go out first, nothing interleaves into the frame, and permessage-deflate
//! sends it uncompressed with RSV1 clear.

use wsproto::{CloseCode, Config, Connection, Error, Message, MessageKind, Role, UsageError};
use wsproto_testkit::alloc::{measure, Counting};
use wsproto_testkit::conn::{self, peer_of, take_pending};
use wsproto_testkit::cuts::{pieces, splits, XorShift};
use wsproto_testkit::events::Ev;
use wsproto_testkit::frames::{bytes_0_to, frame, parse_frames, MASK};
use wsproto_testkit::read::{drive, Path};

#[global_allocator]
static ALLOCATOR: Counting = Counting::gated();

/// How many bytes a write takes, given how many are available.
type Step = Box<dyn FnMut(usize) -> usize>;

/// The lengths where the header changes shape (RFC 6455 §5.2: 7-bit,
/// 16-bit and 64-bit lengths), and a few around and past them.
const LENGTHS: [usize; 10] = [0, 1, 125, 126, 127, 65535, 65536, 65537, 16 << 10, 200_003];

fn config() -> Config {
    Config::new().max_frame_size(4 << 20).max_message_size(4 << 20)
}

/// A connection in `role` with `extensions` negotiated elsewhere; clients
/// draw keys from a seeded source, so two built alike mask alike.
fn open(role: Role, extensions: &[&str]) -> Connection {
    conn::open(role, config(), extensions, [9; 32])
}

/// Text of exactly `len` bytes with two-, three- and four-byte characters.
fn text_of(len: usize) -> String {
    let mut s = String::with_capacity(len);
    for c in "aé€😀".chars().cycle() {
        if s.len() + c.len_utf8() > len {
            break;
        }
        s.push(c);
    }
    while s.len() < len {
        s.push('x');
    }
    s
}

/// Runs a borrowed send: each step writes `step(available)` bytes of the
/// parts (taken as one run), for at most `max_steps` steps; then the send
/// is dropped and what is still pending is written too. Returns the wire.
fn borrowed_wire(
    conn: &mut Connection,
    message: Message<'_>,
    step: &mut dyn FnMut(usize) -> usize,
    max_steps: usize,
) -> Vec<u8> {
    let mut wire = Vec::new();
    {
        let mut send = conn.sender().send_borrowed(message).unwrap();
        let mut steps = 0;
        while send.remaining() > 0 && steps < max_steps {
            let [a, b] = send.parts();
            // A server's parts hold all that is left; a client's hold the
            // staged segment, the rest is masked as it is written.
            assert!(a.len() + b.len() <= send.remaining());
            assert!(b.is_empty() || a.len() + b.len() == send.remaining());
            let n = step(a.len() + b.len()).min(a.len() + b.len());
            let from_a = n.min(a.len());
            wire.extend_from_slice(&a[..from_a]);
            wire.extend_from_slice(&b[..n - from_a]);
            send.advance(n).unwrap();
            steps += 1;
        }
    }
    wire.extend(take_pending(conn));
    wire
}

/// Parses `wire` with a fresh peer in every split (a few for long wires)
/// and both read paths, and checks the events.
fn check_parses(role: Role, extensions: &[&str], wire: &[u8], expect: &[Ev]) {
    let cuts: Vec<(String, Vec<usize>)> = if wire.len() <= 1000 {
        splits(wire.len())
    } else {
        let mut rng = XorShift::new(wire.len() as u64);
        vec![
            ("whole".to_string(), vec![wire.len()]),
            ("random up to 7000".to_string(), wsproto_testkit::cuts::random_lens(wire.len(), 7000, &mut rng)),
            ("fixed 4099".to_string(), wsproto_testkit::cuts::fixed_lens(wire.len(), 4099)),
        ]
    };
    for (name, lens) in cuts {
        for path in [Path::ZeroCopy, Path::Buffered] {
            let mut peer = open(peer_of(role), extensions);
            let got = drive(&mut peer, pieces(wire, &lens), path);
            assert_eq!(got.result, Ok(()), "{name} {path:?}");
            assert_eq!(got.events, expect, "{name} {path:?}");
        }
    }
}

fn message_ev(message: Message<'_>) -> Ev {
    match message {
        Message::Text(t) => Ev::text(t),
        Message::Binary(b) => Ev::Binary(b.to_vec()),
    }
}

/// The copying send's bytes for the same message on a twin connection.
fn copying_wire(role: Role, message: Message<'_>) -> Vec<u8> {
    let mut twin = open(role, &[]);
    twin.sender().send_message(message).unwrap();
    take_pending(&mut twin)
}

#[test]
fn the_wire_equals_the_copying_send_at_every_length_and_write_pattern() {
    for len in LENGTHS {
        let text = text_of(len);
        let data = bytes_0_to(len);
        for message in [Message::Text(&text), Message::Binary(&data)] {
            let expect = copying_wire(Role::Server, message);
            // A frame of `len` bytes with the minimal header (RFC 6455 §5.2).
            let header_len = if len < 126 {
                2
            } else if len <= 65535 {
                4
            } else {
                10
            };
            assert_eq!(expect.len(), header_len + len);
            let mut patterns: Vec<(&str, Step)> = vec![
                ("all at once", Box::new(|n| n)),
                ("7 at a time", Box::new(|_| 7)),
                ("4096 at a time", Box::new(|_| 4096)),
                ("random", {
                    let mut rng = XorShift::new(len as u64 + 1);
                    Box::new(move |n| rng.between1(n.clamp(1, 9000)))
                }),
            ];
            if len <= 300 {
                patterns.push(("byte by byte", Box::new(|_| 1)));
            }
            for (name, step) in &mut patterns {
                // Dropped after 0, 1, 2 or 5 steps (the rest is queued) or
                // written to the end.
                for max_steps in [0, 1, 2, 5, usize::MAX] {
                    let mut conn = open(Role::Server, &[]);
                    let wire = borrowed_wire(&mut conn, message, step.as_mut(), max_steps);
                    assert_eq!(wire, expect, "len {len} {name}, dropped after {max_steps} steps");
                    assert_eq!(conn.sender().pending_len(), 0);
                }
            }
            let mut conn = open(Role::Server, &[]);
            let wire = borrowed_wire(&mut conn, message, &mut |n| n, usize::MAX);
            check_parses(Role::Server, &[], &wire, &[message_ev(message)]);
        }
    }
}

#[test]
fn a_server_queues_only_the_header_and_borrows_the_payload() {
    let data = bytes_0_to(1 << 20);
    let mut conn = open(Role::Server, &[]);
    let send = conn.sender().send_borrowed(Message::Binary(&data)).unwrap();
    let [queued, rest] = send.parts();
    assert_eq!(queued, [0x82, 127, 0, 0, 0, 0, 0, 0x10, 0, 0]);
    assert_eq!(rest.as_ptr(), data.as_ptr(), "the caller's own bytes, not a copy");
    assert_eq!(rest.len(), data.len());
    drop(send);
    // Dropped unwritten: the whole frame is queued, as the copying send would.
    assert_eq!(take_pending(&mut conn), copying_wire(Role::Server, Message::Binary(&data)));
}

/// A masked Ping from a client, for a server to answer automatically.
fn ping(payload: &[u8]) -> Vec<u8> {
    frame(0x89, payload, Some(MASK))
}

fn read_all(conn: &mut Connection, input: &[u8]) {
    let got = drive(conn, [input], Path::ZeroCopy);
    assert_eq!(got.result, Ok(()));
}

/// RFC 6455 §5.5: "Control frames can be interjected in the middle of a
/// fragmented message", between frames, never inside one. Bytes queued
/// before a borrowed send (an automatic Pong, half written or not, a
/// message) go out first; Pongs answered after it follow it whole, even
/// when the send was dropped half written.
#[test]
fn bytes_queued_before_go_first_and_pongs_after_follow_the_whole_frame() {
    let data = bytes_0_to(70_000);
    // What the copying send gives for the same sequence of calls.
    let sequence = |conn: &mut Connection, borrowed: bool| -> Vec<u8> {
        let mut wire = Vec::new();
        read_all(conn, &ping(b"first"));
        // One byte of the Pong is already out.
        wire.extend_from_slice(&conn.sender().pending()[..1]);
        conn.sender().advance(1).unwrap();
        read_all(conn, &ping(b"second"));
        conn.sender().send_text("queued").unwrap();
        // A flood: past 16 unwritten automatic Pongs the newest replaces
        // the last, which must never reach back into an earlier frame.
        for i in 0..20u8 {
            read_all(conn, &ping(&[i]));
        }
        if borrowed {
            let mut send = conn.sender().send_borrowed(Message::Binary(&data)).unwrap();
            let [queued, rest] = send.parts();
            assert!(queued.starts_with(&[5, b'f', b'i', b'r', b's', b't', 0x8A, 6]), "the earlier Pong first");
            assert_eq!(rest.len(), data.len());
            // 1000 bytes of the payload written, then the driver gives up.
            let n = queued.len() + 1000;
            wire.extend_from_slice(queued);
            wire.extend_from_slice(&rest[..1000]);
            send.advance(n).unwrap();
        } else {
            conn.sender().send_binary(&data).unwrap();
        }
        for i in 0..20u8 {
            read_all(conn, &ping(&[100 + i]));
        }
        wire.extend(take_pending(conn));
        wire
    };
    let expect = sequence(&mut open(Role::Server, &[]), false);
    let got = sequence(&mut open(Role::Server, &[]), true);
    assert_eq!(got, expect);
    let frames = parse_frames(&got);
    let opcodes: Vec<u8> = frames.iter().map(|f| f.opcode).collect();
    let mut want = vec![0xA, 0xA, 0x1];
    want.extend([0xA; 16]);
    want.push(0x2);
    want.extend([0xA; 16]);
    assert_eq!(opcodes, want);
    assert_eq!(frames[19].payload, data);
    // The latest Ping of each burst is answered (RFC 6455 §5.5.3).
    assert_eq!(frames[18].payload, [19]);
    assert_eq!(frames[35].payload, [119]);
}

#[test]
fn the_state_rules_of_every_send_hold() {
    let data = bytes_0_to(200);
    // Before the handshake completes: nothing may be sent.
    let mut conn = Connection::server(config(), wsproto::handshake::ServerConfig::default());
    assert_eq!(conn.sender().send_borrowed(Message::Binary(&data)).err(), Some(UsageError::NotOpen));

    // RFC 6455 §5.5.1: "The application MUST NOT send any more data frames
    // after sending a Close frame."
    let mut conn = open(Role::Server, &[]);
    conn.sender().send_close(CloseCode::NORMAL, "bye").unwrap();
    let before = conn.sender().pending().to_vec();
    assert_eq!(conn.sender().send_borrowed(Message::Binary(&data)).err(), Some(UsageError::AlreadyClosing));
    assert_eq!(conn.sender().pending(), &before[..], "a refused send queues nothing");

    // The peer's Close is answered automatically; after it, nothing more.
    let mut conn = open(Role::Server, &[]);
    read_all(&mut conn, &frame(0x88, &[0x03, 0xE8], Some(MASK)));
    assert_eq!(conn.sender().send_borrowed(Message::Text("x")).err(), Some(UsageError::AlreadyClosing));

    // A failed connection refuses every send.
    let mut conn = open(Role::Server, &[]);
    let got = drive(&mut conn, [&frame(0x82, b"unmasked", None)[..]], Path::ZeroCopy);
    assert!(matches!(got.result, Err(Error::Frame(_))), "{:?}", got.result);
    assert_eq!(conn.sender().send_borrowed(Message::Text("x")).err(), Some(UsageError::Failed));

    // RFC 6455 §5.4: "The fragments of one message MUST NOT be interleaved
    // between the fragments of another message unless an extension has
    // been negotiated that can interpret the interleaving."
    let mut conn = open(Role::Server, &[]);
    conn.sender().begin_message(MessageKind::Binary, b"ab").unwrap();
    let before = conn.sender().pending().to_vec();
    assert_eq!(conn.sender().send_borrowed(Message::Binary(&data)).err(), Some(UsageError::FragmentOutOfOrder));
    assert_eq!(conn.sender().pending(), &before[..]);
    conn.sender().finish_message(b"c").unwrap();
    let wire = borrowed_wire(&mut conn, Message::Binary(&data), &mut |n| n, usize::MAX);
    check_parses(Role::Server, &[], &wire, &[Ev::Binary(b"abc".to_vec()), Ev::Binary(data.clone())]);

    // And a borrowed send does not open a message: fragments still need
    // `begin_message` first.
    let mut conn = open(Role::Server, &[]);
    drop(conn.sender().send_borrowed(Message::Binary(&data)).unwrap());
    assert_eq!(conn.sender().continue_message(b"x"), Err(UsageError::FragmentOutOfOrder));
}

#[test]
fn advancing_past_the_parts_is_refused_and_changes_nothing() {
    let data = bytes_0_to(1000);
    let mut conn = open(Role::Server, &[]);
    conn.sender().send_text("before").unwrap();
    let mut send = conn.sender().send_borrowed(Message::Binary(&data)).unwrap();
    let total = send.remaining();
    assert_eq!(total, 8 + 4 + 1000);
    assert_eq!(send.advance(total + 1), Err(UsageError::AdvancedPastPending));
    assert_eq!(send.remaining(), total);
    send.advance(10).unwrap();
    assert_eq!(send.advance(total - 9), Err(UsageError::AdvancedPastPending));
    send.advance(total - 10).unwrap();
    assert_eq!(send.remaining(), 0);
    assert_eq!(send.parts(), [&[][..], &[][..]]);
    send.advance(0).unwrap();
    assert_eq!(send.advance(1), Err(UsageError::AdvancedPastPending));
    drop(send);
    assert_eq!(conn.sender().pending_len(), 0);
}

/// RFC 7692 lets an endpoint send any message uncompressed, RSV1 clear
/// (only a message whose first frame has RSV1 set is inflated). A borrowed
/// payload cannot be sent compressed without the copy it exists to avoid,
/// so it goes uncompressed, exactly as `send_uncompressed` sends it, and
/// the compression context of the messages around it is untouched.
#[cfg(feature = "deflate")]
#[test]
fn with_deflate_a_borrowed_message_goes_uncompressed_and_the_context_survives() {
    for role in [Role::Server, Role::Client] {
        for ext in ["permessage-deflate", "permessage-deflate; server_no_context_takeover; client_no_context_takeover"]
        {
            let text = "compressible ".repeat(10_000);
            let run = |borrowed: bool| -> Vec<u8> {
                let mut conn = open(role, &[ext]);
                let mut wire = Vec::new();
                conn.sender().send_text(&text).unwrap();
                wire.extend(take_pending(&mut conn));
                if borrowed {
                    wire.extend(borrowed_wire(&mut conn, Message::Text(&text), &mut |n| n.min(5000), 3));
                } else {
                    conn.sender().send_uncompressed(Message::Text(&text)).unwrap();
                    wire.extend(take_pending(&mut conn));
                }
                conn.sender().send_text(&text).unwrap();
                wire.extend(take_pending(&mut conn));
                wire
            };
            let wire = run(true);
            assert_eq!(wire, run(false), "{role:?} {ext}");
            let frames = parse_frames(&wire);
            let rsv: Vec<u8> = frames.iter().map(|f| f.rsv).collect();
            assert_eq!(rsv, [0b100, 0, 0b100], "{role:?} {ext}");
            assert_eq!(frames[1].payload, text.as_bytes(), "sent as it lies");
            assert_eq!(frames[1].mask.is_some(), role == Role::Client);
            check_parses(role, &[ext], &wire, &[Ev::text(&text), Ev::text(&text), Ev::text(&text)]);
        }
    }
}

/// A `std::io::Write` that takes at most `max` bytes per call, reports
/// `WouldBlock` on every `block_every`-th call, and may only know `write`.
#[cfg(feature = "std")]
struct Choppy {
    out: Vec<u8>,
    max: usize,
    calls: usize,
    block_every: usize,
    vectored: bool,
    vectored_calls: usize,
}

#[cfg(feature = "std")]
impl std::io::Write for Choppy {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.calls += 1;
        if self.block_every > 0 && self.calls % self.block_every == 0 {
            return Err(std::io::ErrorKind::WouldBlock.into());
        }
        if self.calls % 5 == 0 {
            return Err(std::io::ErrorKind::Interrupted.into());
        }
        let n = buf.len().min(self.max);
        self.out.extend_from_slice(&buf[..n]);
        Ok(n)
    }

    fn write_vectored(&mut self, bufs: &[std::io::IoSlice<'_>]) -> std::io::Result<usize> {
        if !self.vectored {
            let first = bufs.iter().find(|b| !b.is_empty()).map_or(&[][..], |b| &b[..]);
            return self.write(first);
        }
        self.vectored_calls += 1;
        let mut room = self.max;
        let mut n = 0;
        for b in bufs {
            let take = b.len().min(room);
            self.out.extend_from_slice(&b[..take]);
            room -= take;
            n += take;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(feature = "std")]
#[test]
fn write_to_drives_vectored_writes_through_partial_writes_and_would_block() {
    for len in [0, 125, 126, 65536, 100_001] {
        let data = bytes_0_to(len);
        let expect = [b"\x81\x06before".to_vec(), copying_wire(Role::Server, Message::Binary(&data))].concat();
        for (max, block_every, vectored) in [(usize::MAX, 0, true), (3000, 4, true), (777, 3, false), (1, 0, true)] {
            let mut conn = open(Role::Server, &[]);
            conn.sender().send_text("before").unwrap();
            let mut socket = Choppy { out: Vec::new(), max, calls: 0, block_every, vectored, vectored_calls: 0 };
            let mut send = conn.sender().send_borrowed(Message::Binary(&data)).unwrap();
            let mut total = 0;
            // Called again after each WouldBlock, until all is out.
            for _ in 0..(len + 100) {
                total += send.write_to(&mut socket).unwrap();
                if send.remaining() == 0 {
                    break;
                }
            }
            assert_eq!(send.remaining(), 0, "max {max}");
            drop(send);
            assert_eq!(total, expect.len());
            assert_eq!(socket.out, expect, "len {len} max {max} block {block_every} vectored {vectored}");
            if vectored && max == usize::MAX && len > 0 {
                assert_eq!(socket.vectored_calls, 1, "header and payload in one vectored write");
            }
        }
        // Given up after the first WouldBlock: the rest is queued, and the
        // sender's own `write_to` finishes the same bytes.
        let mut conn = open(Role::Server, &[]);
        conn.sender().send_text("before").unwrap();
        let mut socket =
            Choppy { out: Vec::new(), max: 2000, calls: 0, block_every: 2, vectored: true, vectored_calls: 0 };
        conn.sender().send_borrowed(Message::Binary(&data)).unwrap().write_to(&mut socket).unwrap();
        socket.block_every = 0;
        conn.sender().write_to(&mut socket).unwrap();
        assert_eq!(socket.out, expect, "len {len}");
    }
}

#[cfg(feature = "std")]
#[test]
fn write_to_reports_a_writer_that_takes_nothing_or_claims_too_much() {
    struct Zero;
    impl std::io::Write for Zero {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Ok(0)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    struct Liar;
    impl std::io::Write for Liar {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            Ok(buf.len() + 10_000)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let data = bytes_0_to(500);
    let expect = copying_wire(Role::Server, Message::Binary(&data));
    let mut conn = open(Role::Server, &[]);
    let err = conn.sender().send_borrowed(Message::Binary(&data)).unwrap().write_to(&mut Zero).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::WriteZero);
    assert_eq!(take_pending(&mut conn), expect, "nothing lost: all of it queued");
    let err = conn.sender().send_borrowed(Message::Binary(&data)).unwrap().write_to(&mut Liar).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    assert_eq!(take_pending(&mut conn), expect);
}

/// The echo pattern: a received message is sent back from where it lies.
#[test]
fn a_received_message_is_echoed_from_the_input_buffer() {
    let payload = bytes_0_to(70_000);
    let mut input = frame(0x82, &payload, Some(MASK));
    let mut conn = open(Role::Server, &[]);
    let read = conn.read(&mut input).unwrap();
    let Some(wsproto::Event::Message(message)) = read.event else { panic!("no message") };
    let mut send = read.sender.send_borrowed(message).unwrap();
    let [_, rest] = send.parts();
    assert_eq!(rest, &payload[..]);
    let n = send.remaining();
    send.advance(n).unwrap();
    drop(send);
    assert_eq!(conn.sender().pending_len(), 0);
}

/// Once warm, a borrowed send makes no allocation: the header goes into
/// the queue's reused buffer and the payload is never copied.
#[test]
fn a_warm_server_makes_no_allocation_per_message() {
    let data = bytes_0_to(1 << 20);
    let mut conn = open(Role::Server, &[]);
    let mut sink = vec![0u8; (1 << 20) + 16];
    let mut send_one = |conn: &mut Connection| {
        let mut send = conn.sender().send_borrowed(Message::Binary(&data)).unwrap();
        let [a, b] = send.parts();
        sink[..a.len()].copy_from_slice(a);
        sink[a.len()..a.len() + b.len()].copy_from_slice(b);
        let n = a.len() + b.len();
        send.advance(n).unwrap();
    };
    send_one(&mut conn);
    let ((), usage) = measure(|| {
        for _ in 0..10 {
            send_one(&mut conn);
        }
    });
    assert_eq!(usage.calls, 0, "{usage:?}");
    assert_eq!(&sink[10..(1 << 20) + 10], &data[..]);
    assert!(conn.heap_size() <= 64, "the queue held only headers: {}", conn.heap_size());
}
