//! The inflate path of permessage-deflate (RFC 7692): a server (or, chosen
//! by the input, a client) opened with the extension negotiated
//! (`open_server`/`open_client` with a response string chosen from the
//! valid ones), fed data frames built from an `Arbitrary` input: payloads
//! compressed by an independent reference (`flate2` on `miniz_oxide`, not
//! the crate's zlib-rs) from arbitrary data or long runs (bombs), garbage
//! with RSV1 set, uncompressed messages, fragmented, with a Ping between
//! fragments, RSV1 misplaced on a continuation or a Ping, in either
//! delivery mode, with a small `max_message_size`, through `read` or
//! `feed`/`poll`, the bytes cut in arbitrary pieces.
//!
//! Checked, beside "never panics":
//!
//! - every message before the first faulty one arrives exactly as the
//!   reference plaintext, with its Ping, and nothing is left over;
//! - a faulty message fails the connection with one of the errors it
//!   calls for: RSV1 on a continuation or control frame,
//!   `Frame(ReservedBits)` with 1002 (RFC 7692 §6.1); invalid UTF-8 in a
//!   text message, `InvalidUtf8` with 1007 (RFC 6455 §8.1); more than
//!   `max_message_size` bytes once inflated, `MessageTooLarge` with 1009;
//!   what it delivered before is a prefix of its plaintext;
//! - after garbage nothing can be predicted, but every error is still one
//!   of those or `Extension` with 1007 (RFC 7692 §8.1 "fail the
//!   connection" on data that does not inflate), and every text is UTF-8;
//! - every chunk of a compressed message holds at most 32 KiB (those of an
//!   uncompressed one are slices of the input, of any size), every whole
//!   message at most `max_message_size`;
//! - the connection's live heap, measured with the test kit's counting
//!   allocator during each read (its peak), stays within
//!   `max_message_size + 64 KiB + the input length` (issue 12: "the limit
//!   plus one inflate window"), with 32 KiB (one chunk) in place of
//!   `max_message_size` in Chunks mode, where that limit does not apply.
#![no_main]

use arbitrary::Arbitrary;
use flate2::{Compress, Compression, FlushCompress};
use libfuzzer_sys::fuzz_target;
use wsproto::handshake::Negotiated;
use wsproto::{ChaChaRng, CloseCode, Config, Connection, Delivery, Error, FrameError, MessageKind, State};
use wsproto_fuzz::{owned, split_lens, Ev};
use wsproto_testkit::alloc::{self, Counting};
use wsproto_testkit::frames::{first_byte, push_frame, MASK};

#[global_allocator]
static ALLOCATOR: Counting = Counting::new();

/// The documented bound on a chunk ([`Delivery::Chunks`]).
const CHUNK_MAX: usize = 32 << 10;

const LIMITS: [usize; 8] = [16 << 20, 0, 1, 100, 1000, 4096, 65536, 300_000];

#[derive(Arbitrary, Debug)]
struct Input {
    /// The connection under test is a client (it reads unmasked frames).
    client: bool,
    /// Bits 0 and 1: server_ and client_no_context_takeover; bits 2 and 3:
    /// server_ and client_max_window_bits present.
    params: u8,
    server_bits: u8,
    client_bits: u8,
    chunks: bool,
    limit: u8,
    poll: bool,
    split: u8,
    seed: u16,
    /// The reference compressor starts afresh for every message even when
    /// it may keep its context (always allowed, RFC 7692 §7.1.1.1).
    reset: bool,
    level: u8,
    messages: Vec<Msg>,
}

#[derive(Arbitrary, Debug)]
enum Body {
    Bytes(Vec<u8>),
    Text(String),
    /// A long run of one byte: a bomb, `len * (scale % 8 + 1)` bytes (up to
    /// 512 KiB, over every small limit).
    Run {
        byte: u8,
        len: u16,
        scale: u8,
    },
}

#[derive(Arbitrary, Debug)]
enum Mode {
    Compressed,
    Plain,
    /// These bytes, RSV1 set: garbage for the inflater.
    Garbage(Vec<u8>),
}

#[derive(Arbitrary, Debug)]
struct Msg {
    text: bool,
    body: Body,
    mode: Mode,
    /// Fragment sizes of the wire payload (the rest goes in the last one).
    frags: Vec<u16>,
    /// RSV1 on this continuation (modulo the count), if there are any.
    rsv1_continuation: Option<u8>,
    /// A Ping before the fragment with this index (modulo the count).
    ping: Option<(u8, Vec<u8>, bool)>,
}

/// What one message calls for.
#[derive(Debug)]
enum Want {
    /// These events (a Ping, then the message).
    Good(Vec<Ev>),
    /// A certain failure with one of `errors`; before it, maybe `ping`,
    /// and chunks forming a prefix of `plain`.
    Bad { ping: Option<Vec<u8>>, kind: MessageKind, plain: Vec<u8>, errors: Vec<Error> },
    /// Garbage: nothing from here on can be predicted.
    Unknown,
}

/// The response string: RFC 7692 §7.1, parameters in any valid mix.
fn response(input: &Input) -> String {
    let mut s = String::from("permessage-deflate");
    if input.params & 1 != 0 {
        s.push_str("; server_no_context_takeover");
    }
    if input.params & 2 != 0 {
        s.push_str("; client_no_context_takeover");
    }
    if input.params & 4 != 0 {
        s.push_str(&format!("; server_max_window_bits={}", 8 + input.server_bits % 8));
    }
    if input.params & 8 != 0 {
        s.push_str(&format!("; client_max_window_bits={}", 8 + input.client_bits % 8));
    }
    s
}

/// Compresses one message: raw DEFLATE, a sync flush, its final
/// `00 00 ff ff` removed (RFC 7692 §7.2.1).
fn compress(c: &mut Compress, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    let start = c.total_in();
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity().max(64));
        }
        let done = (c.total_in() - start) as usize;
        c.compress_vec(&data[done..], &mut out, FlushCompress::Sync).expect("reference deflate");
        // miniz_oxide may stop with room left and output still held back:
        // done once all input went in, the output has room, and the flush
        // marker came out (another call adds nothing but an empty block).
        let all_in = (c.total_in() - start) as usize == data.len();
        if all_in && out.len() < out.capacity() && out.ends_with(&[0, 0, 0xff, 0xff]) {
            break;
        }
    }
    out.truncate(out.len() - 4);
    out
}

fn allowed(e: &Error, config: &Config) -> bool {
    match e {
        Error::Frame(FrameError::ReservedBits(_)) => e.close_code() == CloseCode::PROTOCOL_ERROR,
        Error::InvalidUtf8 => e.close_code() == CloseCode::INVALID_PAYLOAD,
        Error::Extension { code, .. } => *code == CloseCode::INVALID_PAYLOAD && e.close_code() == *code,
        Error::MessageTooLarge { max } => {
            *max == config.max_message_size && e.close_code() == CloseCode::MESSAGE_TOO_BIG
        }
        _ => false,
    }
}

/// Chunks merged into messages, the open one kept.
#[derive(Default, Debug)]
struct Merged {
    events: Vec<Ev>,
    partial: Option<(MessageKind, Vec<u8>)>,
}

impl Merged {
    fn push(&mut self, ev: Ev) {
        match ev {
            Ev::Chunk { kind, data, first, last } => {
                match &mut self.partial {
                    None => {
                        assert!(first, "the first chunk of a message says first");
                        self.partial = Some((kind, data));
                    }
                    Some((k, buf)) => {
                        assert!(!first, "only the first chunk says first");
                        assert_eq!(*k, kind, "the kind changed inside a message");
                        buf.extend_from_slice(&data);
                    }
                }
                if last {
                    let (kind, data) = self.partial.take().unwrap();
                    self.events.push(Ev::message(kind, data));
                }
            }
            ev @ (Ev::Text(_) | Ev::Binary(_)) => {
                assert!(self.partial.is_none(), "a whole message inside a chunked one");
                self.events.push(ev);
            }
            ev => self.events.push(ev),
        }
    }
}

fuzz_target!(|input: Input| {
    let negotiated = Negotiated { protocol: None, extensions: vec![response(&input)] };
    let mut config = Config::default();
    config.max_message_size = LIMITS[usize::from(input.limit) % LIMITS.len()];
    if input.chunks {
        config.delivery = Delivery::Chunks;
    }
    let mut conn = if input.client {
        Connection::open_client(config, negotiated, ChaChaRng::from_seed([3; 32]))
    } else {
        Connection::open_server(config, negotiated)
    }
    .expect("a valid permessage-deflate response is accepted");

    // The peer's compressor: it resets for every message when the
    // response forbids it context takeover (RFC 7692 §7.1.1).
    let peer_resets = input.params & if input.client { 1 } else { 2 } != 0 || input.reset;
    let level = Compression::new(u32::from(input.level % 10));
    // Made when first needed: a fresh compressor is costly.
    let mut compressor: Option<Compress> = None;
    let mask = (!input.client).then_some(MASK);

    let mut wire = Vec::new();
    let mut wants = Vec::new();
    // Whether each message on the wire has RSV1 on its first frame.
    let mut rsv1_of = Vec::new();
    for m in input.messages.iter().take(16) {
        let kind = if m.text { MessageKind::Text } else { MessageKind::Binary };
        let plain: Vec<u8> = match &m.body {
            Body::Bytes(b) => b.clone(),
            Body::Text(s) => s.as_bytes().to_vec(),
            Body::Run { byte, len, scale } => vec![*byte; usize::from(*len) * (usize::from(*scale % 8) + 1)],
        };
        let (payload, rsv1) = match &m.mode {
            Mode::Compressed => {
                let c = compressor.get_or_insert_with(|| Compress::new(level, false));
                if peer_resets {
                    c.reset();
                }
                (compress(c, &plain), true)
            }
            Mode::Plain => (plain.clone(), false),
            Mode::Garbage(g) => (g.clone(), true),
        };
        rsv1_of.push(rsv1);
        // The fragments.
        let mut pieces = Vec::new();
        let mut rest = &payload[..];
        for &f in m.frags.iter().take(31) {
            let n = usize::from(f).min(rest.len());
            pieces.push(&rest[..n]);
            rest = &rest[n..];
        }
        pieces.push(rest);
        let count = pieces.len();
        let misuse = m.rsv1_continuation.filter(|_| count > 1).map(|i| 1 + usize::from(i) % (count - 1));
        let ping =
            m.ping.as_ref().map(|(at, data, rsv1)| (usize::from(*at) % count, &data[..data.len().min(125)], *rsv1));
        for (i, piece) in pieces.iter().enumerate() {
            if let Some((at, data, ping_rsv1)) = ping {
                if at == i {
                    push_frame(&mut wire, first_byte(true, if ping_rsv1 { 4 } else { 0 }, 9), data, mask);
                }
            }
            let opcode = if i > 0 {
                0
            } else if m.text {
                1
            } else {
                2
            };
            let rsv = if (i == 0 && rsv1) || misuse == Some(i) { 4 } else { 0 };
            push_frame(&mut wire, first_byte(i + 1 == count, rsv, opcode), piece, mask);
        }

        if matches!(m.mode, Mode::Garbage(_)) {
            wants.push(Want::Unknown);
            break;
        }
        let mut errors = Vec::new();
        if misuse.is_some() || ping.is_some_and(|p| p.2) {
            errors.push(Error::Frame(FrameError::ReservedBits(4)));
        }
        if m.text && core::str::from_utf8(&plain).is_err() {
            errors.push(Error::InvalidUtf8);
        }
        if config.delivery == Delivery::Messages && plain.len() > config.max_message_size {
            errors.push(Error::MessageTooLarge { max: config.max_message_size });
        }
        let ping_ev = ping.filter(|p| !p.2).map(|p| p.1.to_vec());
        if errors.is_empty() {
            let mut evs: Vec<Ev> = ping_ev.into_iter().map(Ev::Ping).collect();
            evs.push(Ev::message(kind, plain));
            wants.push(Want::Good(evs));
        } else {
            wants.push(Want::Bad { ping: ping_ev, kind, plain, errors });
            break;
        }
    }

    // Feed it, cut as the input says, measuring the heap of every read.
    // What the connection may hold of inflated data: the message limit in
    // Messages mode; in Chunks mode `max_message_size` does not apply
    // (`Config::max_message_size`), one chunk of output does.
    let held = if input.chunks { CHUNK_MAX } else { config.max_message_size };
    let bound = held + (64 << 10) + wire.len();
    let mut merged = Merged::default();
    let mut error: Option<Error> = None;
    let mut off = 0;
    let mut buf = Vec::new();
    let mut events = 0usize;
    let mut message = 0usize;
    // Past 64 Ki pieces (a big stored payload byte by byte) a run takes
    // seconds: a few random cuts then.
    let mut lens = split_lens(wire.len(), input.split, input.seed);
    if lens.len() > 1 << 16 {
        lens = split_lens(wire.len(), 255, input.seed);
    }
    for len in lens {
        let piece = &wire[off..off + len];
        off += len;
        if input.poll {
            conn.feed(piece);
        } else {
            buf.extend_from_slice(piece);
        }
        loop {
            let before = conn.heap_size();
            let (result, usage) = alloc::measure(|| if input.poll { conn.poll() } else { conn.read(&mut buf) });
            let live = before as isize + usage.peak;
            assert!(live <= bound as isize, "live heap {live} during a read, over the bound {bound}");
            match result {
                Ok(read) => {
                    let consumed = read.consumed;
                    let ev = read.event.as_ref().map(owned);
                    if !input.poll {
                        assert!(consumed <= buf.len(), "consumed {consumed} of {}", buf.len());
                        if ev.is_none() {
                            assert_eq!(consumed, buf.len(), "a read with no event consumes all of its input");
                        }
                        buf.drain(..consumed);
                    }
                    let Some(ev) = ev else { break };
                    events += 1;
                    assert!(events <= wire.len() + 8, "too many events: a read loops");
                    match &ev {
                        Ev::Chunk { data, last, .. } => {
                            if rsv1_of[message] {
                                assert!(data.len() <= CHUNK_MAX, "an inflated chunk of {} bytes", data.len());
                            }
                            message += usize::from(*last);
                        }
                        Ev::Text(s) => {
                            assert!(s.len() <= config.max_message_size, "a message over the limit");
                            message += 1;
                        }
                        Ev::Binary(b) => {
                            assert!(b.len() <= config.max_message_size, "a message over the limit");
                            message += 1;
                        }
                        Ev::Ping(_) => {}
                        other => panic!("unexpected event {other:?}"),
                    }
                    merged.push(ev);
                }
                Err(e) => {
                    assert_eq!(conn.state(), State::Closed, "a failed connection is Closed");
                    let again = if input.poll { conn.poll().err() } else { conn.read(&mut buf).err() };
                    assert_eq!(again.as_ref(), Some(&e), "the error is sticky");
                    assert!(allowed(&e, &config), "an undocumented error {e:?} (close code {:?})", e.close_code());
                    error = Some(e);
                    break;
                }
            }
        }
        assert!(conn.heap_size() <= bound, "heap_size {} over the bound {bound}", conn.heap_size());
        if error.is_some() {
            break;
        }
    }

    // Compare with what was called for.
    let mut got = merged.events.iter();
    for want in &wants {
        match want {
            Want::Good(evs) => {
                for ev in evs {
                    assert_eq!(got.next(), Some(ev), "a valid message must arrive as sent (error: {error:?})");
                }
            }
            Want::Bad { ping, kind, plain, errors } => {
                let rest: Vec<&Ev> = got.by_ref().collect();
                match (&rest[..], ping) {
                    ([], _) => {}
                    ([Ev::Ping(p)], Some(want)) if p == want => {}
                    _ => panic!("after the last valid message: {rest:?}"),
                }
                if let Some((k, data)) = &merged.partial {
                    assert_eq!(k, kind, "the faulty message's kind");
                    assert!(plain.starts_with(data), "the faulty message's chunks are not a prefix of its plaintext");
                }
                let e = error.as_ref().expect("a faulty message fails the connection");
                assert!(errors.contains(e), "{e:?}, where the message calls for one of {errors:?}");
                return;
            }
            Want::Unknown => {
                for ev in got.by_ref() {
                    assert!(matches!(ev, Ev::Text(_) | Ev::Binary(_) | Ev::Ping(_)), "after garbage: {ev:?}");
                }
                return;
            }
        }
    }
    assert_eq!(got.next(), None, "more events than messages");
    assert_eq!(error, None, "valid messages only, yet the connection failed");
    assert!(merged.partial.is_none(), "a message left open after valid messages only");
});
