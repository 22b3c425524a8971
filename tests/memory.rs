//! Memory behaviour, measured with a counting global allocator.
//!
//! The allocator counts, per thread, the allocator calls (alloc and
//! realloc), the bytes currently allocated and their peak, so that tests
//! running in parallel do not see each other's allocations. A `realloc`
//! counts as one call and changes the current bytes by the difference in
//! size.
//!
//! It proves:
//! - no allocation per message in steady state, for a server and a client
//!   echoing unfragmented messages, for fragmented messages (assembly
//!   buffer reuse), for chunk delivery, and for the buffered `feed`/`poll`
//!   path;
//! - bounded memory under hostile input: a 2^62-byte header, endless 1-byte
//!   fragments, a Ping flood the application never drains, and endless
//!   handshake heads;
//! - the idle footprint of an open connection.
//!
//! Run with `--nocapture` to see the figures.

use std::mem::size_of;
use wsproto::handshake::Negotiated;
use wsproto::FrameError;

use wsproto::handshake::{ClientOptions, RequestError, ResponseError, ServerConfig, WsUri};
use wsproto::{ChaChaRng, Config, Connection, Delivery, Error, Event, OpCode, State, TransportAction};
use wsproto_testkit::alloc::{measure, Counting, Usage};
use wsproto_testkit::frames::{self, first_byte, Length};

#[global_allocator]
static ALLOCATOR: Counting = Counting::new();

// ---------------------------------------------------------------------------
// Frames.

const KEY: [u8; 4] = [0x37, 0xfa, 0x21, 0x3d];

/// One frame: header (masked with `mask` if given) and payload, built by
/// the test kit, not by the crate's encoder.
fn frame(opcode: OpCode, fin: bool, payload: &[u8], mask: Option<[u8; 4]>) -> Vec<u8> {
    frames::frame(first_byte(fin, 0, opcode.as_u8()), payload, mask)
}

fn payload(len: usize, text: bool) -> Vec<u8> {
    (0..len).map(|i| if text { b'a' + (i % 26) as u8 } else { (i * 7) as u8 }).collect()
}

/// A batch of 50 unfragmented messages of mixed sizes and kinds, with each
/// length class of the header: mostly small, one of 4 KiB and one of 70 KB.
fn message_batch(mask: Option<[u8; 4]>) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut sizes: Vec<usize> = (0..48).map(|i| [0, 1, 17, 125, 126, 300][i % 6] + i).collect();
    sizes.extend([4096, 70_000]);
    for (i, &len) in sizes.iter().enumerate() {
        let text = i % 2 == 0;
        let op = if text { OpCode::Text } else { OpCode::Binary };
        out.extend(frame(op, true, &payload(len, text), mask));
    }
    (out, sizes.len())
}

/// Small messages in four fragments each, with a Ping between two of them.
fn fragmented_batch(mask: Option<[u8; 4]>, messages: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for m in 0..messages {
        let text = m % 2 == 0;
        let data = payload(40 + m % 50, text);
        let q = data.len() / 4;
        let op = if text { OpCode::Text } else { OpCode::Binary };
        out.extend(frame(op, false, &data[..q], mask));
        out.extend(frame(OpCode::Continuation, false, &data[q..2 * q], mask));
        out.extend(frame(OpCode::Ping, true, b"keepalive", mask));
        out.extend(frame(OpCode::Continuation, false, &data[2 * q..3 * q], mask));
        out.extend(frame(OpCode::Continuation, true, &data[3 * q..], mask));
    }
    out
}

/// Reads all of `buf` with `read`, echoing every message and draining
/// what is pending after each event. Returns the messages seen.
fn echo_all(conn: &mut Connection, buf: &mut [u8]) -> usize {
    let mut start = 0;
    let mut messages = 0;
    loop {
        let read = conn.read(&mut buf[start..]).expect("valid input");
        start += read.consumed;
        match read.event {
            None => break,
            Some(Event::Message(msg)) => {
                read.sender.send_message(msg).unwrap();
                messages += 1;
            }
            Some(Event::Chunk(chunk)) => {
                if chunk.last {
                    messages += 1;
                }
            }
            Some(Event::Ping(_)) => {}
            Some(other) => panic!("unexpected {other:?}"),
        }
        let tx = conn.sender();
        let n = tx.pending_len();
        tx.advance(n).unwrap();
    }
    assert_eq!(start, buf.len());
    messages
}

/// Echoes `messages` messages from `batch` (re-copied into one reused
/// buffer each round, since reading unmasks in place) after a warm-up of a
/// few rounds; returns the usage of the measured rounds.
fn steady_echo(conn: &mut Connection, batch: &[u8], per_batch: usize, messages: usize) -> Usage {
    let mut buf = batch.to_vec();
    for _ in 0..3 {
        buf.copy_from_slice(batch);
        assert_eq!(echo_all(conn, &mut buf), per_batch);
    }
    let rounds = messages.div_ceil(per_batch);
    let (seen, usage) = measure(|| {
        let mut seen = 0;
        for _ in 0..rounds {
            buf.copy_from_slice(batch);
            seen += echo_all(conn, &mut buf);
        }
        seen
    });
    assert_eq!(seen, rounds * per_batch);
    assert_eq!(conn.state(), State::Open);
    usage
}

// ---------------------------------------------------------------------------
// Steady state: no allocation per message.

#[test]
fn a_server_echoing_unfragmented_messages_allocates_nothing_per_message() {
    let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
    let (batch, n) = message_batch(Some(KEY));
    let usage = steady_echo(&mut conn, &batch, n, 10_000);
    eprintln!("server, 10 000 unfragmented masked messages read and echoed: {usage:?}");
    assert_eq!(usage.calls, 0, "allocations while echoing 10 000 messages");
}

#[test]
fn a_client_echoing_unfragmented_messages_allocates_nothing_per_message() {
    let mut conn =
        Connection::open_client(Config::default(), Negotiated::default(), ChaChaRng::from_seed([1; 32])).unwrap();
    let (batch, n) = message_batch(None);
    let usage = steady_echo(&mut conn, &batch, n, 10_000);
    eprintln!("client, 10 000 unfragmented messages read and echoed masked: {usage:?}");
    assert_eq!(usage.calls, 0, "allocations while echoing 10 000 messages");
}

#[test]
fn fragmented_messages_reuse_the_assembly_buffer() {
    let server = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
    let client =
        Connection::open_client(Config::default(), Negotiated::default(), ChaChaRng::from_seed([2; 32])).unwrap();
    for (name, mut conn, mask) in [("server", server, Some(KEY)), ("client", client, None)] {
        let batch = fragmented_batch(mask, 100);
        let usage = steady_echo(&mut conn, &batch, 100, 10_000);
        eprintln!("{name}, 10 000 messages in 4 fragments + a Ping each, assembled and echoed: {usage:?}");
        assert_eq!(usage.calls, 0, "{name}: allocations while assembling 10 000 fragmented messages");
    }
}

#[test]
fn chunk_delivery_allocates_nothing_per_message() {
    let mut config = Config::default();
    config.delivery = Delivery::Chunks;
    let mut conn = Connection::open_server(config, Negotiated::default()).unwrap();
    let mut batch = message_batch(Some(KEY)).0;
    batch.extend(fragmented_batch(Some(KEY), 10));
    let usage = steady_echo(&mut conn, &batch, 60, 10_000);
    eprintln!("server, chunk delivery, 10 000 messages: {usage:?}");
    assert_eq!(usage.calls, 0, "allocations in chunk delivery");
}

#[test]
fn the_buffered_path_allocates_nothing_per_message_once_warm() {
    let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
    let (batch, n) = message_batch(Some(KEY));
    // Fed in pieces that cut frames anywhere, as a socket delivers them.
    let drain = |conn: &mut Connection| {
        let mut seen = 0;
        for piece in batch.chunks(1500) {
            conn.feed(piece);
            loop {
                let read = conn.poll().expect("valid input");
                match read.event {
                    None => break,
                    Some(Event::Message(msg)) => {
                        read.sender.send_message(msg).unwrap();
                        seen += 1;
                    }
                    Some(other) => panic!("unexpected {other:?}"),
                }
                let n = conn.sender().pending_len();
                conn.sender().advance(n).unwrap();
            }
        }
        seen
    };
    for _ in 0..3 {
        assert_eq!(drain(&mut conn), n);
    }
    let (seen, usage) = measure(|| (0..200).map(|_| drain(&mut conn)).sum::<usize>());
    assert_eq!(seen, 200 * n);
    eprintln!("server, feed/poll in 1500-byte pieces, 10 000 messages: {usage:?}");
    assert_eq!(usage.calls, 0, "allocations on the buffered path");
}

// ---------------------------------------------------------------------------
// Hostile input: memory stays within the limits.

fn close_code_queued(conn: &mut Connection) -> Option<u16> {
    let out = conn.sender().pending();
    // A server's Close: 0x88, length, code.
    (out.len() >= 4 && out[0] == 0x88).then(|| u16::from_be_bytes([out[2], out[3]]))
}

#[test]
fn a_header_declaring_2_pow_62_bytes_is_refused_at_once() {
    let mut header = frames::header(0x82, Some(KEY), 1 << 62, Length::Bits64);
    header.extend_from_slice(&[0; 64]);
    // Refused by max_frame_size (the default), and by max_message_size
    // when the frame limit is lifted.
    let mut lifted = Config::default();
    lifted.max_frame_size = u64::MAX;
    for (name, config, expect) in [
        ("max_frame_size", Config::default(), Error::Frame(FrameError::FrameTooLarge { len: 1 << 62, max: 16 << 20 })),
        ("max_message_size", lifted, Error::MessageTooLarge { max: 16 << 20 }),
    ] {
        let mut input = header.clone();
        let (result, usage) = measure(|| {
            let mut conn = Connection::open_server(config, Negotiated::default()).unwrap();
            let result = conn.read(&mut input).map(|r| r.consumed).map_err(|e| (e.clone(), e.close_code().0));
            let code = close_code_queued(&mut conn);
            (result, code, conn.heap_size())
        });
        eprintln!("2^62-byte header ({name}): {result:?}, {usage:?}");
        assert_eq!(result.0, Err((expect, 1009)), "{name}");
        assert_eq!(result.1, Some(1009), "{name}: the Close queued");
        assert!(usage.peak < 1024, "{name}: {usage:?}");
        assert_eq!(usage.held, 0, "{name}: memory leaked");
    }
}

/// A 1-byte masked continuation frame.
fn one_byte_fragments(count: usize) -> Vec<u8> {
    let one = frame(OpCode::Continuation, false, b"x", Some(KEY));
    one.repeat(count)
}

#[test]
fn endless_one_byte_fragments_fail_at_the_message_limit() {
    const LIMIT: usize = 64 << 10;
    const FRAMES: usize = 2_000_000;
    const BATCH: usize = 10_000;
    let batch = one_byte_fragments(BATCH);
    for opcode in [OpCode::Text, OpCode::Binary] {
        let mut config = Config::default();
        config.max_message_size = LIMIT;
        let mut first = frame(opcode, false, b"x", Some(KEY));
        let mut buf = batch.clone();
        let (outcome, usage) = measure(|| {
            let mut conn = Connection::open_server(config, Negotiated::default()).unwrap();
            assert!(conn.read(&mut first).unwrap().event.is_none());
            let mut fed = 1;
            let mut error = None;
            while fed < FRAMES {
                buf.copy_from_slice(&batch);
                let mut start = 0;
                while start < buf.len() {
                    match conn.read(&mut buf[start..]) {
                        Ok(read) => {
                            assert!(read.event.is_none(), "no event from non-final fragments");
                            start += read.consumed;
                        }
                        Err(e) => {
                            // Sticky: the same error again and again.
                            if let Some(first) = &error {
                                assert_eq!(&e, first);
                            } else {
                                error = Some(e);
                            }
                            break;
                        }
                    }
                }
                fed += BATCH;
            }
            (error, close_code_queued(&mut conn), conn.state())
        });
        eprintln!("{FRAMES} 1-byte {opcode:?} fragments, max_message_size {LIMIT}: {outcome:?}, {usage:?}");
        assert_eq!(outcome.0, Some(Error::MessageTooLarge { max: LIMIT }), "{opcode:?}");
        assert_eq!(outcome.1, Some(1009));
        assert_eq!(outcome.2, State::Closed);
        assert!(usage.peak <= (LIMIT + 4096) as isize, "{opcode:?}: peak {} over the limit", usage.peak);
        assert_eq!(usage.held, 0);
    }
}

#[test]
fn endless_one_byte_fragments_in_chunk_delivery_hold_no_memory() {
    const FRAMES: usize = 1_000_000;
    const BATCH: usize = 10_000;
    let batch = one_byte_fragments(BATCH);
    let mut config = Config::default();
    config.delivery = Delivery::Chunks;
    let mut first = frame(OpCode::Binary, false, b"x", Some(KEY));
    let mut buf = batch.clone();
    let (messages, usage) = measure(|| {
        let mut conn = Connection::open_server(config, Negotiated::default()).unwrap();
        let read = conn.read(&mut first).unwrap();
        assert!(matches!(read.event, Some(Event::Chunk(c)) if c.first && !c.last));
        let mut messages = 0;
        for _ in 0..FRAMES / BATCH {
            buf.copy_from_slice(&batch);
            messages += echo_all(&mut conn, &mut buf);
        }
        messages
    });
    eprintln!("{FRAMES} 1-byte fragments in chunk delivery: {usage:?}");
    assert_eq!(messages, 0, "no message completes");
    assert!(usage.peak < 1024, "{usage:?}");
}

#[test]
fn a_ping_flood_that_is_never_drained_stays_bounded() {
    const PINGS: usize = 1_000_000;
    const BATCH: usize = 1000;
    let mut batch = Vec::new();
    for i in 0..BATCH {
        let mut p = [0u8; 125];
        p[..8].copy_from_slice(&(i as u64).to_be_bytes());
        batch.extend(frame(OpCode::Ping, true, &p, Some(KEY)));
    }
    let mut buf = batch.clone();
    let (pending, usage) = measure(|| {
        let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
        let mut pings = 0;
        for _ in 0..PINGS / BATCH {
            buf.copy_from_slice(&batch);
            let mut start = 0;
            loop {
                // The application reads, but never writes what is pending.
                let read = conn.read(&mut buf[start..]).expect("valid input");
                start += read.consumed;
                match read.event {
                    None => break,
                    Some(Event::Ping(_)) => pings += 1,
                    Some(other) => panic!("unexpected {other:?}"),
                }
            }
        }
        assert_eq!(pings, PINGS);
        conn.sender().pending_len()
    });
    eprintln!("{PINGS} Pings of 125 bytes, pending never drained: {pending} bytes pending, {usage:?}");
    // RFC 6455 §5.5.3 lets an endpoint answer only the most recent Ping.
    assert!(usage.peak < 64 << 10, "Ping flood: heap peaked at {} bytes", usage.peak);
    assert!(pending < 64 << 10, "Ping flood: {pending} bytes of Pongs pending");
}

/// An endless head: `prefix`, then `filler` forever. `stream` holds enough
/// of it to feed any piece from a position `at` that `next` gives.
struct EndlessHead {
    stream: Vec<u8>,
    prefix: usize,
    filler: usize,
    buf: Vec<u8>,
}

impl EndlessHead {
    fn new(prefix: &[u8], filler: &[u8], piece: usize) -> EndlessHead {
        let mut stream = prefix.to_vec();
        while stream.len() < prefix.len() + piece + filler.len() {
            stream.extend_from_slice(filler);
        }
        EndlessHead { stream, prefix: prefix.len(), filler: filler.len(), buf: vec![0; piece] }
    }

    /// Feeds `total` bytes to `conn` in pieces; returns the first error
    /// and the number of bytes fed when it came. Allocates nothing itself.
    fn feed(&mut self, conn: &mut Connection, total: usize) -> (Error, usize) {
        let mut fed = 0;
        let mut first_error = None;
        let piece = self.buf.len();
        while fed < total {
            let at = if fed < self.prefix { fed } else { self.prefix + (fed - self.prefix) % self.filler };
            let n = piece.min(self.stream.len() - at).min(total - fed);
            self.buf[..n].copy_from_slice(&self.stream[at..at + n]);
            match conn.read(&mut self.buf[..n]) {
                Ok(read) => {
                    assert!(read.event.is_none());
                    assert_eq!(read.consumed, n);
                }
                Err(e) => match &first_error {
                    None => first_error = Some((e, fed + n)),
                    Some((first, _)) => assert_eq!(&e, first, "the error is sticky"),
                },
            }
            fed += n;
        }
        first_error.expect("the endless head was refused")
    }
}

#[test]
fn a_handshake_that_never_ends_fails_with_431_and_stays_bounded() {
    const TOTAL: usize = 10 << 20;
    let long_line = format!("X-Filler: {}\r\n", "a".repeat(190));
    let cases: [(&str, &[u8], &[u8]); 4] = [
        ("long header lines", b"GET /chat HTTP/1.1\r\nHost: example.com\r\n", long_line.as_bytes()),
        ("short header lines", b"GET /chat HTTP/1.1\r\n", b"X: y\r\n"),
        ("one endless line", b"GET /", b"aaaaaaaa"),
        ("blank lines before the request", b"", b"\r\n"),
    ];
    for (name, prefix, filler) in cases {
        for piece in [1000, 1] {
            let total = if piece == 1 { 64 << 10 } else { TOTAL };
            let mut head = EndlessHead::new(prefix, filler, piece);
            let ((error, at, response), usage) = measure(|| {
                let mut conn = Connection::server(Config::default(), ServerConfig::new());
                let (error, at) = head.feed(&mut conn, total);
                let response = conn.sender().pending().to_vec();
                assert_eq!(conn.state(), State::Closed);
                assert_eq!(conn.transport_action(), TransportAction::Continue, "the 431 is still to be written");
                (error, at, response)
            });
            eprintln!("endless head ({name}, {piece}-byte pieces, {total} bytes): {error:?} at byte {at}, {usage:?}");
            let Error::Request(e) = &error else { panic!("{name}: {error:?}") };
            assert!(
                matches!(e, RequestError::HeadTooLarge { .. } | RequestError::TooManyHeaders { .. }),
                "{name}: {e:?}"
            );
            assert_eq!(e.status(), 431, "{name}");
            assert!(response.starts_with(b"HTTP/1.1 431 "), "{name}: {:?}", String::from_utf8_lossy(&response));
            assert!(at <= 8192 + piece, "{name}: refused only at byte {at}");
            // The 8 KiB head buffer, the response and small change.
            assert!(usage.peak <= 8192 + 4096, "{name}: heap peaked at {} bytes", usage.peak);
        }
    }
}

#[test]
fn a_response_head_that_never_ends_fails_a_client_and_stays_bounded() {
    let uri = WsUri::parse("ws://example.com/chat").unwrap();
    let long_line = format!("X-Filler: {}\r\n", "b".repeat(90));
    let mut head = EndlessHead::new(b"HTTP/1.1 101 Switching Protocols\r\n", long_line.as_bytes(), 4096);
    let (result, usage) = measure(|| {
        let mut conn =
            Connection::client(&uri, &ClientOptions::new(), Config::default(), ChaChaRng::from_seed([3; 32])).unwrap();
        let n = conn.sender().pending_len();
        conn.sender().advance(n).unwrap();
        head.feed(&mut conn, 10 << 20)
    });
    eprintln!("endless response head to a client: {result:?}, {usage:?}");
    let Error::Response(ResponseError::HeadTooLarge { .. } | ResponseError::TooManyHeaders { .. }) = result.0 else {
        panic!("{result:?}")
    };
    assert!(result.1 <= 8192 + 4096);
    assert!(usage.peak <= 8192 + 4096, "heap peaked at {} bytes", usage.peak);
}

// ---------------------------------------------------------------------------
// The idle footprint.

#[test]
fn the_idle_footprint_of_an_open_connection() {
    let size = size_of::<Connection>();
    eprintln!("size_of::<Connection>() = {size} bytes");
    // The budget for an idle connection: at most 384 bytes inline.
    assert!(size <= 384, "size_of::<Connection>() = {size}");

    // A server that carried traffic (unfragmented and fragmented messages,
    // the buffered path), then went idle: no heap at all, by its own
    // account and by the allocator's.
    let (server, usage) = measure(|| {
        let mut server = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
        let (mut batch, _) = message_batch(Some(KEY));
        batch.extend(fragmented_batch(Some(KEY), 3));
        echo_all(&mut server, &mut batch);
        server.feed(&frame(OpCode::Text, true, b"hello", Some(KEY)));
        while server.poll().unwrap().event.is_some() {}
        let busy = server.heap_size();
        server.release_memory();
        (server, busy)
    });
    let (server, busy) = server;
    // (Printing inside `measure` would count the test harness's capture
    // buffer.)
    eprintln!("idle server: heap_size {busy} while busy, {} after release_memory", server.heap_size());
    eprintln!("idle server: the allocator says {} bytes held", usage.held);
    assert_eq!(server.heap_size(), 0, "an idle server holds heap after release_memory");
    assert_eq!(usage.held, 0, "an idle server holds heap after release_memory");

    // A client: its buffers go back too; what remains is its boxed random
    // source.
    let (client, usage) = measure(|| {
        let mut client =
            Connection::open_client(Config::default(), Negotiated::default(), ChaChaRng::from_seed([4; 32])).unwrap();
        let (mut batch, _) = message_batch(None);
        echo_all(&mut client, &mut batch);
        let busy = client.heap_size();
        client.release_memory();
        (client, busy)
    });
    let (client, busy) = client;
    eprintln!("idle client: heap_size {busy} while busy, {} after release_memory", client.heap_size());
    eprintln!(
        "idle client: the allocator says {} bytes held (the boxed ChaChaRng is {} bytes)",
        usage.held,
        size_of::<ChaChaRng>()
    );
    assert_eq!(client.heap_size(), 0, "an idle client's buffers are released");
    assert!(usage.held <= size_of::<ChaChaRng>() as isize, "{usage:?}");

    // An idle server that went through the full handshake holds nothing
    // either.
    let (held, usage) = measure(|| {
        let mut server = Connection::server(Config::default(), ServerConfig::new());
        let mut request = b"GET /chat HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\n\
            Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
            .to_vec();
        let read = server.read(&mut request).unwrap();
        assert!(matches!(read.event, Some(Event::UpgradeRequest(_))));
        server.accept(&wsproto::handshake::AcceptOptions::new()).unwrap();
        assert!(matches!(server.read(&mut []).unwrap().event, Some(Event::HandshakeComplete(_))));
        let n = server.sender().pending_len();
        server.sender().advance(n).unwrap();
        server.release_memory();
        assert_eq!(server.state(), State::Open);
        (server.heap_size(), server)
    });
    eprintln!("idle server after a full handshake: heap_size {}, allocator says {} bytes held", held.0, usage.held);
    assert_eq!(held.0, 0);
    assert_eq!(usage.held, 0, "an idle server after the handshake holds heap");
    drop(held.1);
    drop((server, client));
}
