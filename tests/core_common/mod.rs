//! Shared helpers for the `core_*` integration tests: frame builders, an
//! independent frame parser for checking what we send, owned events, drivers
//! for the zero-copy and buffered read paths, deterministic input splits, and
//! the tables of valid and invalid input streams that every split must agree
//! on.

#![allow(dead_code)]

use wsproto::handshake::Negotiated;
use wsproto::FrameError;
use wsproto::{Chunk, Config, Connection, Delivery, Error, Event, Message, MessageKind, RandomSource, Role, State};

/// The masking key of the RFC 6455 §5.7 examples.
pub const MASK: [u8; 4] = [0x37, 0xfa, 0x21, 0x3d];

/// A random source that always yields `key` (repeated), so a client's output
/// is deterministic.
pub fn fixed_mask(key: [u8; 4]) -> impl RandomSource + 'static {
    move |out: &mut [u8]| {
        for (i, b) in out.iter_mut().enumerate() {
            *b = key[i % 4];
        }
    }
}

/// A connection in `role`; a client masks with [`MASK`].
pub fn connect(role: Role, config: Config) -> Connection {
    match role {
        Role::Server => Connection::open_server(config, Negotiated::default()).unwrap(),
        Role::Client => Connection::open_client(config, Negotiated::default(), fixed_mask(MASK)).unwrap(),
    }
}

pub fn server() -> Connection {
    connect(Role::Server, Config::default())
}

pub fn client() -> Connection {
    connect(Role::Client, Config::default())
}

/// XORs `data` with `key` (RFC 6455 §5.3), byte by byte: a reference that
/// does not use the crate.
pub fn xor_mask(data: &mut [u8], key: [u8; 4]) {
    for (i, b) in data.iter_mut().enumerate() {
        *b ^= key[i % 4];
    }
}

/// Encodes one frame by hand: `first` is the whole first byte (FIN, RSV,
/// opcode), the length uses the minimal encoding, and the payload is masked
/// with `mask` if given.
pub fn frame(first: u8, payload: &[u8], mask: Option<[u8; 4]>) -> Vec<u8> {
    let mut out = vec![first];
    let bit = if mask.is_some() { 0x80 } else { 0 };
    let len = payload.len();
    if len < 126 {
        out.push(bit | len as u8);
    } else if len <= 0xFFFF {
        out.push(bit | 126);
        out.extend_from_slice(&(len as u16).to_be_bytes());
    } else {
        out.push(bit | 127);
        out.extend_from_slice(&(len as u64).to_be_bytes());
    }
    let start = out.len() + if mask.is_some() { 4 } else { 0 };
    if let Some(key) = mask {
        out.extend_from_slice(&key);
    }
    out.extend_from_slice(payload);
    if let Some(key) = mask {
        xor_mask(&mut out[start..], key);
    }
    out
}

/// A frame as a peer in `sender_role` sends it: clients mask with [`MASK`].
pub fn frame_from(sender_role: Role, first: u8, payload: &[u8]) -> Vec<u8> {
    frame(first, payload, (sender_role == Role::Client).then_some(MASK))
}

/// A frame addressed to a connection in `receiver_role` (masked when the
/// receiver is a server).
pub fn frame_to(receiver_role: Role, first: u8, payload: &[u8]) -> Vec<u8> {
    frame(first, payload, (receiver_role == Role::Server).then_some(MASK))
}

/// Concatenates frames.
pub fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

/// A Close payload: the code in network byte order, then the reason.
pub fn close_payload(code: u16, reason: &[u8]) -> Vec<u8> {
    let mut p = code.to_be_bytes().to_vec();
    p.extend_from_slice(reason);
    p
}

/// A frame parsed back from bytes we produced, payload unmasked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireFrame {
    pub fin: bool,
    pub rsv: u8,
    pub opcode: u8,
    pub mask: Option<[u8; 4]>,
    pub payload: Vec<u8>,
}

impl WireFrame {
    /// The close code of a Close frame (`None` for an empty payload).
    pub fn close_code(&self) -> Option<u16> {
        assert_eq!(self.opcode, 0x8, "not a Close frame: {self:?}");
        (self.payload.len() >= 2).then(|| u16::from_be_bytes([self.payload[0], self.payload[1]]))
    }
}

/// Parses a complete byte stream of frames, independently of the crate, and
/// checks that every length uses the minimal encoding (RFC 6455 §5.2).
pub fn parse_frames(mut bytes: &[u8]) -> Vec<WireFrame> {
    let mut frames = Vec::new();
    while !bytes.is_empty() {
        assert!(bytes.len() >= 2, "truncated header: {bytes:02x?}");
        let (b0, b1) = (bytes[0], bytes[1]);
        let mut pos = 2;
        let len = match b1 & 0x7F {
            126 => {
                let len = u16::from_be_bytes([bytes[2], bytes[3]]) as u64;
                assert!(len >= 126, "non-minimal 16-bit length");
                pos = 4;
                len
            }
            127 => {
                let len = u64::from_be_bytes(bytes[2..10].try_into().unwrap());
                assert!(len > 0xFFFF && len >> 63 == 0, "bad 64-bit length");
                pos = 10;
                len
            }
            n => n as u64,
        };
        let mask = if b1 & 0x80 != 0 {
            let key = [bytes[pos], bytes[pos + 1], bytes[pos + 2], bytes[pos + 3]];
            pos += 4;
            Some(key)
        } else {
            None
        };
        let end = pos + len as usize;
        assert!(bytes.len() >= end, "truncated payload");
        let mut payload = bytes[pos..end].to_vec();
        if let Some(key) = mask {
            xor_mask(&mut payload, key);
        }
        frames.push(WireFrame { fin: b0 & 0x80 != 0, rsv: (b0 >> 4) & 7, opcode: b0 & 0x0F, mask, payload });
        bytes = &bytes[end..];
    }
    frames
}

/// An event as an owned value, so that events from different runs can be
/// compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ev {
    Text(String),
    Binary(Vec<u8>),
    Chunk { kind: MessageKind, data: Vec<u8>, first: bool, last: bool },
    Ping(Vec<u8>),
    Pong(Vec<u8>),
    Close(u16, String),
}

impl Ev {
    pub fn text(s: &str) -> Ev {
        Ev::Text(s.to_string())
    }
    pub fn close(code: u16, reason: &str) -> Ev {
        Ev::Close(code, reason.to_string())
    }
}

pub fn owned(event: &Event<'_>) -> Ev {
    match event {
        Event::Message(Message::Text(t)) => Ev::Text(t.to_string()),
        Event::Message(Message::Binary(b)) => Ev::Binary(b.to_vec()),
        Event::Chunk(Chunk { kind, data, first, last }) => {
            Ev::Chunk { kind: *kind, data: data.to_vec(), first: *first, last: *last }
        }
        Event::Ping(p) => Ev::Ping(p.to_vec()),
        Event::Pong(p) => Ev::Pong(p.to_vec()),
        Event::Close(c) => Ev::Close(c.code.0, c.reason.to_string()),
        other => panic!("unexpected event {other:?}"),
    }
}

/// Everything observable after running a stream through a connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub events: Vec<Ev>,
    pub result: Result<(), Error>,
    /// What the connection queued (Pongs, Close replies, the failure Close).
    pub output: Vec<u8>,
    pub state: State,
}

/// Which way bytes go in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// `Connection::read` on the caller's buffer.
    ZeroCopy,
    /// `Connection::feed` + `Connection::poll`.
    Buffered,
}

/// Feeds `pieces` one after the other through `path`, draining every event,
/// and stops at the first error.
pub fn drive<'p>(conn: &mut Connection, pieces: impl IntoIterator<Item = &'p [u8]>, path: Path) -> Outcome {
    let mut events = Vec::new();
    let result = drive_into(conn, pieces, path, &mut events);
    Outcome { events, result, output: conn.sender().pending().to_vec(), state: conn.state() }
}

fn drive_into<'p>(
    conn: &mut Connection,
    pieces: impl IntoIterator<Item = &'p [u8]>,
    path: Path,
    events: &mut Vec<Ev>,
) -> Result<(), Error> {
    for piece in pieces {
        match path {
            Path::ZeroCopy => {
                let mut buf = piece.to_vec();
                let mut off = 0;
                loop {
                    let rest = buf.len() - off;
                    let read = conn.read(&mut buf[off..])?;
                    assert!(read.consumed <= rest, "consumed more than given");
                    off += read.consumed;
                    match read.event {
                        Some(event) => events.push(owned(&event)),
                        None => {
                            // "When `event` is `None`, this is all of the input."
                            assert_eq!(read.consumed, rest, "no event but input left over");
                            break;
                        }
                    }
                }
            }
            Path::Buffered => {
                conn.feed(piece);
                loop {
                    let read = conn.poll()?;
                    match read.event {
                        Some(event) => events.push(owned(&event)),
                        None => break,
                    }
                }
            }
        }
    }
    Ok(())
}

/// Runs `input` whole through the zero-copy path.
pub fn run(conn: &mut Connection, input: &[u8]) -> Outcome {
    drive(conn, [input], Path::ZeroCopy)
}

/// A small deterministic generator (xorshift64*), so splits need no RNG crate.
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> XorShift {
        XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A value in `1..=max`.
    pub fn between1(&mut self, max: usize) -> usize {
        1 + (self.next() % max.max(1) as u64) as usize
    }
}

/// The splits every stream is fed in: whole, byte by byte, a few fixed
/// sizes, and several seeded pseudo-random splits. Each split is a list of
/// piece lengths summing to `len`.
pub fn splits(len: usize) -> Vec<(String, Vec<usize>)> {
    let mut out = vec![("whole".to_string(), vec![len])];
    if len == 0 {
        return out;
    }
    out.push(("byte by byte".to_string(), vec![1; len]));
    for size in [2, 3, 7] {
        if size < len {
            let mut v = vec![size; len / size];
            if len % size != 0 {
                v.push(len % size);
            }
            out.push((format!("fixed {size}"), v));
        }
    }
    for (seed, max) in [(1u64, 4usize), (2, 16), (3, 64), (4, len), (5, len / 2 + 1), (6, 9)] {
        let mut rng = XorShift::new(seed);
        let mut v = Vec::new();
        let mut left = len;
        while left > 0 {
            let n = rng.between1(max).min(left);
            v.push(n);
            left -= n;
        }
        out.push((format!("random seed {seed} max {max}"), v));
    }
    out
}

/// Cuts `input` into pieces of the given lengths.
pub fn pieces<'a>(input: &'a [u8], lens: &[usize]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut pos = 0;
    for &n in lens {
        out.push(&input[pos..pos + n]);
        pos += n;
    }
    out
}

/// Folds chunk events into whole messages, checking the first/last flags
/// and the kind along the way. A message still open at the end (because an
/// error cut it short) is dropped, since how much of it was delivered
/// depends on the split. Non-chunk events are kept as they are.
pub fn fold_chunks(events: &[Ev]) -> Vec<Ev> {
    let mut out = Vec::new();
    let mut open: Option<(MessageKind, Vec<u8>)> = None;
    for ev in events {
        match ev {
            Ev::Chunk { kind, data, first, last } => {
                match &mut open {
                    None => {
                        assert!(*first, "first chunk of a message without `first`: {events:?}");
                        open = Some((*kind, data.clone()));
                    }
                    Some((open_kind, buf)) => {
                        assert!(!*first, "`first` in the middle of a message");
                        assert_eq!(open_kind, kind, "kind changed inside a message");
                        buf.extend_from_slice(data);
                    }
                }
                if *last {
                    let (kind, buf) = open.take().unwrap();
                    out.push(match kind {
                        MessageKind::Text => Ev::Text(String::from_utf8(buf).expect("chunked text is UTF-8")),
                        MessageKind::Binary => Ev::Binary(buf),
                    });
                }
            }
            other => out.push(other.clone()),
        }
    }
    out
}

/// The result of [`all_splits`]: the outcome of the whole-input run in each
/// delivery mode (chunk events folded into messages).
pub struct SplitReport {
    pub messages: Outcome,
    pub chunks: Outcome,
}

/// Runs `input` through a fresh connection (built by `make`, whose delivery
/// is overridden) for every split, both read paths and both delivery modes,
/// and asserts that all runs of a delivery mode agree: same events (chunks
/// folded), same error, same queued output, same state.
pub fn all_splits(name: &str, role: Role, config: Config, input: &[u8]) -> SplitReport {
    let mut results = Vec::new();
    for delivery in [Delivery::Messages, Delivery::Chunks] {
        let mut config = config;
        config.delivery = delivery;
        let mut reference: Option<Outcome> = None;
        for (split_name, lens) in splits(input.len()) {
            for path in [Path::ZeroCopy, Path::Buffered] {
                let mut conn = connect(role, config);
                let mut outcome = drive(&mut conn, pieces(input, &lens), path);
                if delivery == Delivery::Chunks {
                    outcome.events = fold_chunks(&outcome.events);
                }
                match &reference {
                    None => reference = Some(outcome),
                    Some(expect) => assert_eq!(
                        &outcome, expect,
                        "case `{name}` ({role:?}, {delivery:?}): split `{split_name}` via {path:?} differs from whole"
                    ),
                }
            }
        }
        results.push(reference.unwrap());
    }
    let chunks = results.pop().unwrap();
    let messages = results.pop().unwrap();
    SplitReport { messages, chunks }
}

/// Whether `actual` is the error `expected` describes. A control frame that
/// is too long is matched by kind only: whether it holds the 7-bit marker or
/// the extended length depends on how early it is reported.
pub fn error_matches(expected: &Error, actual: &Error) -> bool {
    match (expected, actual) {
        (Error::Frame(FrameError::ControlFrameTooLong(_)), Error::Frame(FrameError::ControlFrameTooLong(n))) => {
            *n > 125
        }
        _ => expected == actual,
    }
}

/// One input stream and what it must produce.
#[derive(Debug, Clone)]
pub struct Case {
    /// The rule it exercises (one test per rule in `core_violations`).
    pub rule: &'static str,
    pub name: String,
    pub role: Role,
    pub config: Config,
    pub input: Vec<u8>,
    /// Events before the end (or before the error).
    pub events: Vec<Ev>,
    /// The error and the close code it maps to, or `None` for a valid stream.
    pub error: Option<(Error, u16)>,
}

fn case(rule: &'static str, name: impl Into<String>, role: Role, input: Vec<u8>, events: Vec<Ev>) -> Case {
    Case { rule, name: name.into(), role, config: Config::default(), input, events, error: None }
}

fn bad(rule: &'static str, name: impl Into<String>, role: Role, input: Vec<u8>, error: Error, code: u16) -> Case {
    Case { rule, name: name.into(), role, config: Config::default(), input, events: vec![], error: Some((error, code)) }
}

impl Case {
    fn before(mut self, events: Vec<Ev>) -> Case {
        self.events = events;
        self
    }
    fn config(mut self, f: impl FnOnce(&mut Config)) -> Case {
        f(&mut self.config);
        self
    }
}

pub fn bytes_0_to(n: usize) -> Vec<u8> {
    (0..n).map(|i| (i % 251) as u8).collect()
}

/// "κόσμε", the valid start of the Autobahn 6.4.x payloads.
pub const KOSME: &[u8] = "κόσμε".as_bytes();

/// Valid streams: the RFC 6455 §5.7 examples and more.
pub fn valid_cases() -> Vec<Case> {
    use Role::{Client, Server};
    let hello_unmasked = vec![0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f];
    let hello_masked = vec![0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58];
    let b256 = bytes_0_to(256);
    let b64k = bytes_0_to(65536);
    let mut v = vec![
        // RFC 6455 §5.7 examples.
        case("rfc", "5.7 single-frame unmasked text", Client, hello_unmasked, vec![Ev::text("Hello")]),
        case("rfc", "5.7 single-frame masked text", Server, hello_masked, vec![Ev::text("Hello")]),
        case(
            "rfc",
            "5.7 fragmented unmasked text",
            Client,
            vec![0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f],
            vec![Ev::text("Hello")],
        ),
        case(
            "rfc",
            "5.7 unmasked ping",
            Client,
            vec![0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f],
            vec![Ev::Ping(b"Hello".to_vec())],
        ),
        case(
            "rfc",
            "5.7 masked pong",
            Server,
            vec![0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58],
            vec![Ev::Pong(b"Hello".to_vec())],
        ),
        case(
            "rfc",
            "5.7 256-byte binary",
            Client,
            cat(&[&[0x82, 0x7E, 0x01, 0x00], &b256]),
            vec![Ev::Binary(b256.clone())],
        ),
        case(
            "rfc",
            "5.7 64KiB binary",
            Client,
            cat(&[&[0x82, 0x7F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00], &b64k]),
            vec![Ev::Binary(b64k.clone())],
        ),
        case(
            "valid",
            "masked 64KiB binary to a server",
            Server,
            frame(0x82, &b64k, Some([1, 2, 3, 4])),
            vec![Ev::Binary(b64k)],
        ),
        case(
            "valid",
            "masked 256-byte binary to a server",
            Server,
            frame(0x82, &b256, Some(MASK)),
            vec![Ev::Binary(b256)],
        ),
    ];
    for role in [Client, Server] {
        let f = |first, payload: &[u8]| frame_to(role, first, payload);
        let r = format!("{role:?}");
        v.extend([
            case(
                "valid",
                format!("{r}: empty text and binary"),
                role,
                cat(&[&f(0x81, b""), &f(0x82, b"")]),
                vec![Ev::text(""), Ev::Binary(vec![])],
            ),
            case(
                "valid",
                format!("{r}: several messages in one stream"),
                role,
                cat(&[&f(0x81, b"one"), &f(0x82, &[2, 2]), &f(0x81, "€𝄞".as_bytes())]),
                vec![Ev::text("one"), Ev::Binary(vec![2, 2]), Ev::text("€𝄞")],
            ),
            case(
                "valid",
                format!("{r}: text fragments split inside characters"),
                role,
                cat(&[
                    &f(0x01, &"€𝄞".as_bytes()[..1]),
                    &f(0x00, &"€𝄞".as_bytes()[1..5]),
                    &f(0x80, &"€𝄞".as_bytes()[5..]),
                ]),
                vec![Ev::text("€𝄞")],
            ),
            case(
                "valid",
                format!("{r}: ping and pong between fragments"),
                role,
                cat(&[&f(0x01, b"Hel"), &f(0x89, b"ping"), &f(0x00, b""), &f(0x8A, b"pong"), &f(0x80, b"lo")]),
                vec![Ev::Ping(b"ping".to_vec()), Ev::Pong(b"pong".to_vec()), Ev::text("Hello")],
            ),
            case(
                "valid",
                format!("{r}: empty first and last fragments"),
                role,
                cat(&[&f(0x02, b""), &f(0x00, &[1, 2, 3]), &f(0x80, b"")]),
                vec![Ev::Binary(vec![1, 2, 3])],
            ),
            case(
                "valid",
                format!("{r}: 125-byte ping (the limit)"),
                role,
                f(0x89, &[7; 125]),
                vec![Ev::Ping(vec![7; 125])],
            ),
            case("valid", format!("{r}: empty ping"), role, f(0x89, b""), vec![Ev::Ping(vec![])]),
            case(
                "valid",
                format!("{r}: 126-byte text (16-bit length)"),
                role,
                f(0x81, &[b'a'; 126]),
                vec![Ev::Text("a".repeat(126))],
            ),
            case(
                "valid",
                format!("{r}: 65535-byte binary (largest 16-bit length)"),
                role,
                f(0x82, &[9; 65535]),
                vec![Ev::Binary(vec![9; 65535])],
            ),
            case(
                "valid",
                format!("{r}: close 1000 with reason"),
                role,
                f(0x88, &close_payload(1000, b"bye")),
                vec![Ev::close(1000, "bye")],
            ),
            case("valid", format!("{r}: close without status"), role, f(0x88, b""), vec![Ev::close(1005, "")]),
            case(
                "valid",
                format!("{r}: bytes after the peer's close are ignored"),
                role,
                cat(&[&f(0x88, &close_payload(1001, b"")), &f(0x81, b"late"), &[0xFF, 0xFF]]),
                vec![Ev::close(1001, "")],
            ),
            case(
                "valid",
                format!("{r}: message exactly at max_message_size across fragments"),
                role,
                cat(&[&f(0x02, &[1; 6]), &f(0x80, &[2; 4])]),
                vec![Ev::Binary(cat(&[&[1; 6], &[2; 4]]))],
            )
            .config(|c| c.max_message_size = 10),
            // The Ping's payload is scratch space in the assembly buffer while
            // it arrives in pieces; it must not count toward the message.
            case(
                "valid",
                format!("{r}: ping inside a message exactly at max_message_size"),
                role,
                cat(&[&f(0x02, &[1; 6]), &f(0x89, b"pingy"), &f(0x80, &[2; 4])]),
                vec![Ev::Ping(b"pingy".to_vec()), Ev::Binary(cat(&[&[1; 6], &[2; 4]]))],
            )
            .config(|c| c.max_message_size = 10),
            // §5.4: control frames may be injected between fragments, Close too;
            // after it nothing more is processed (§5.5.1).
            case(
                "valid",
                format!("{r}: close inside a fragmented message"),
                role,
                cat(&[&f(0x01, b"unfinished"), &f(0x88, &close_payload(1001, b"away")), &f(0x80, b"!")]),
                vec![Ev::close(1001, "away")],
            ),
            case(
                "valid",
                format!("{r}: frame exactly at max_frame_size"),
                role,
                f(0x82, &[3; 100]),
                vec![Ev::Binary(vec![3; 100])],
            )
            .config(|c| c.max_frame_size = 100),
        ]);
    }
    for code in [1000u16, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999] {
        v.push(case(
            "valid_close_code",
            format!("close code {code}"),
            Server,
            frame_to(Server, 0x88, &close_payload(code, b"x")),
            vec![Ev::close(code, "x")],
        ));
    }
    v.push(
        case(
            "unmasked_to_server",
            "accepted with accept_unmasked_frames",
            Server,
            frame(0x81, b"Hello", None),
            vec![Ev::text("Hello")],
        )
        .config(|c| c.accept_unmasked_frames = true),
    );
    v
}

/// Streams that break a rule, each with the error and close code it must
/// produce.
pub fn violation_cases() -> Vec<Case> {
    use Role::{Client, Server};
    let mut v = Vec::new();

    // RFC 6455 §5.2: "%x3-7 are reserved for further non-control frames",
    // "%xB-F are reserved for further control frames"; "If an unknown opcode
    // is received, the receiving endpoint MUST _Fail the WebSocket
    // Connection_."
    for op in (0x3u8..=0x7).chain(0xB..=0xF) {
        v.push(bad(
            "reserved_opcode",
            format!("opcode {op:#x} to a client"),
            Client,
            vec![0x80 | op, 0x00],
            Error::Frame(FrameError::ReservedOpcode(op)),
            1002,
        ));
        v.push(bad(
            "reserved_opcode",
            format!("opcode {op:#x} FIN=0 to a client"),
            Client,
            vec![op, 0x00],
            Error::Frame(FrameError::ReservedOpcode(op)),
            1002,
        ));
        v.push(bad(
            "reserved_opcode",
            format!("opcode {op:#x} to a server"),
            Server,
            frame(0x80 | op, b"abc", Some(MASK)),
            Error::Frame(FrameError::ReservedOpcode(op)),
            1002,
        ));
    }
    v.push(
        bad(
            "reserved_opcode",
            "after a valid message",
            Client,
            cat(&[&frame(0x81, b"ok", None), &[0x85, 0x00]]),
            Error::Frame(FrameError::ReservedOpcode(5)),
            1002,
        )
        .before(vec![Ev::text("ok")]),
    );

    // §5.2: "RSV1, RSV2, RSV3: 1 bit each. MUST be 0 unless an extension is
    // negotiated that defines meanings for non-zero values."
    for (first, bits) in [(0xC1u8, 0b100u8), (0xA1, 0b010), (0x91, 0b001), (0xF1, 0b111), (0xC9, 0b100), (0xB2, 0b011)]
    {
        for role in [Client, Server] {
            v.push(bad(
                "reserved_bits",
                format!("first byte {first:#04x} to {role:?}"),
                role,
                frame_to(role, first, b"a"),
                Error::Frame(FrameError::ReservedBits(bits)),
                1002,
            ));
        }
    }
    v.push(bad(
        "reserved_bits",
        "RSV1 on a continuation",
        Client,
        cat(&[&frame(0x01, b"a", None), &frame(0xC0, b"b", None)]),
        Error::Frame(FrameError::ReservedBits(0b100)),
        1002,
    ));

    // §5.2: "in all cases, the minimal number of bytes MUST be used to encode
    // the length".
    for (name, header) in [
        ("16-bit length 0", vec![0x82, 0x7E, 0x00, 0x00]),
        ("16-bit length 125", vec![0x82, 0x7E, 0x00, 0x7D]),
        ("64-bit length 0", vec![0x82, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0]),
        ("64-bit length 125", vec![0x82, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0x7D]),
        ("64-bit length 126", vec![0x82, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0x7E]),
        ("64-bit length 65535", vec![0x82, 0x7F, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]),
    ] {
        v.push(bad(
            "non_minimal_length",
            format!("{name} to a client"),
            Client,
            header.clone(),
            Error::Frame(FrameError::NonMinimalLength),
            1002,
        ));
        let mut masked = header;
        masked[1] |= 0x80;
        masked.extend_from_slice(&MASK);
        v.push(bad(
            "non_minimal_length",
            format!("{name} to a server"),
            Server,
            masked,
            Error::Frame(FrameError::NonMinimalLength),
            1002,
        ));
    }

    // §5.2: "If 127, the following 8 bytes interpreted as a 64-bit unsigned
    // integer (the most significant bit MUST be 0)".
    for (name, len) in
        [("2^63", [0x80, 0, 0, 0, 0, 0, 0, 0]), ("2^64-1", [0xFF; 8]), ("2^63+65536", [0x80, 0, 0, 0, 0, 1, 0, 0])]
    {
        v.push(bad(
            "length_top_bit",
            format!("{name} to a client"),
            Client,
            cat(&[&[0x82, 0x7F], &len]),
            Error::Frame(FrameError::LengthTopBitSet),
            1002,
        ));
        v.push(bad(
            "length_top_bit",
            format!("{name} to a server"),
            Server,
            cat(&[&[0x82, 0xFF], &len, &MASK]),
            Error::Frame(FrameError::LengthTopBitSet),
            1002,
        ));
    }

    // §5.5: "Control frames themselves MUST NOT be fragmented."
    for (name, first) in [("close", 0x08u8), ("ping", 0x09), ("pong", 0x0A)] {
        for role in [Client, Server] {
            v.push(bad(
                "fragmented_control",
                format!("{name} FIN=0 to {role:?}"),
                role,
                frame_to(role, first, b""),
                Error::Frame(FrameError::FragmentedControlFrame),
                1002,
            ));
        }
    }
    v.push(bad(
        "fragmented_control",
        "ping FIN=0 inside a fragmented message",
        Client,
        cat(&[&frame(0x01, b"a", None), &frame(0x09, b"p", None)]),
        Error::Frame(FrameError::FragmentedControlFrame),
        1002,
    ));

    // §5.5: "All control frames MUST have a payload length of 125 bytes or
    // less". Reported from the 126/127 marker, before the payload arrives.
    for (name, first) in [("close", 0x88u8), ("ping", 0x89), ("pong", 0x8A)] {
        for role in [Client, Server] {
            let f = frame_to(role, first, &[0; 126]);
            let header_only = f[..f.len() - 126].to_vec();
            v.push(bad(
                "control_too_long",
                format!("{name} 126 bytes to {role:?}"),
                role,
                header_only,
                Error::Frame(FrameError::ControlFrameTooLong(126)),
                1002,
            ));
            let f = frame_to(role, first, &[0; 65536]);
            let header_only = f[..f.len() - 65536].to_vec();
            v.push(bad(
                "control_too_long",
                format!("{name} 64-bit length to {role:?}"),
                role,
                header_only,
                Error::Frame(FrameError::ControlFrameTooLong(65536)),
                1002,
            ));
        }
    }

    // §5.1: "A client MUST close a connection if it detects a masked frame."
    for (name, first) in [("text", 0x81u8), ("ping", 0x89), ("close", 0x88), ("continuation", 0x00)] {
        v.push(bad(
            "masked_to_client",
            name,
            Client,
            frame(first, b"Hello", Some(MASK)),
            Error::Frame(FrameError::MaskedFrameFromServer),
            1002,
        ));
    }
    // §5.1: "The server MUST close the connection upon receiving a frame that
    // is not masked."
    for (name, first) in [("text", 0x81u8), ("binary", 0x82), ("ping", 0x89), ("close", 0x88)] {
        v.push(bad(
            "unmasked_to_server",
            name,
            Server,
            frame(first, b"Hello", None),
            Error::Frame(FrameError::UnmaskedFrameFromClient),
            1002,
        ));
    }
    v.push(
        bad(
            "unmasked_to_server",
            "unmasked after a masked one",
            Server,
            cat(&[&frame(0x81, b"ok", Some(MASK)), &frame(0x81, b"no", None)]),
            Error::Frame(FrameError::UnmaskedFrameFromClient),
            1002,
        )
        .before(vec![Ev::text("ok")]),
    );

    // §5.4: a fragmented message is "a single frame with the FIN bit clear
    // and an opcode other than 0, followed by zero or more frames with the
    // FIN bit clear and the opcode set to 0, and terminated by a single frame
    // with the FIN bit set and an opcode of 0."
    for role in [Client, Server] {
        let f = |first, p: &[u8]| frame_to(role, first, p);
        v.extend([
            bad(
                "unexpected_continuation",
                format!("final continuation first to {role:?}"),
                role,
                f(0x80, b"a"),
                Error::UnexpectedContinuation,
                1002,
            ),
            bad(
                "unexpected_continuation",
                format!("non-final continuation first to {role:?}"),
                role,
                f(0x00, b""),
                Error::UnexpectedContinuation,
                1002,
            ),
            bad(
                "unexpected_continuation",
                format!("continuation after a complete message to {role:?}"),
                role,
                cat(&[&f(0x01, b"a"), &f(0x80, b"b"), &f(0x80, b"c")]),
                Error::UnexpectedContinuation,
                1002,
            )
            .before(vec![Ev::text("ab")]),
            bad(
                "expected_continuation",
                format!("text inside text to {role:?}"),
                role,
                cat(&[&f(0x01, b"a"), &f(0x81, b"b")]),
                Error::ExpectedContinuation,
                1002,
            ),
            bad(
                "expected_continuation",
                format!("binary inside binary to {role:?}"),
                role,
                cat(&[&f(0x02, &[1]), &f(0x02, &[2])]),
                Error::ExpectedContinuation,
                1002,
            ),
            bad(
                "expected_continuation",
                format!("binary inside text, after a ping, to {role:?}"),
                role,
                cat(&[&f(0x01, b"a"), &f(0x89, b"p"), &f(0x82, &[2])]),
                Error::ExpectedContinuation,
                1002,
            )
            .before(vec![Ev::Ping(b"p".to_vec())]),
        ]);
    }

    // §8.1: "When an endpoint is to interpret a byte stream as UTF-8 but finds
    // that the byte stream is not, in fact, a valid UTF-8 stream, that
    // endpoint MUST _Fail the WebSocket Connection_." (§7.4.1: 1007.)
    let mut six_four_one = cat(&[&frame(0x01, KOSME, None), &frame(0x00, &[0xF4, 0x90, 0x80, 0x80], None)]);
    six_four_one.extend(frame(0x80, b"edited", None));
    let whole_6_4_3 = cat(&[KOSME, &[0xF4, 0x90, 0x80, 0x80], b"edited"]);
    let header_6_4_3 = frame(0x81, &whole_6_4_3, None);
    for role in [Client, Server] {
        let f = |first, p: &[u8]| frame_to(role, first, p);
        v.extend([
            bad(
                "invalid_utf8",
                format!("overlong C0 AF to {role:?}"),
                role,
                f(0x81, &[0xC0, 0xAF]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("FF to {role:?}"),
                role,
                f(0x81, &[b'a', 0xFF, b'b']),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("surrogate ED A0 80 to {role:?}"),
                role,
                f(0x81, &[0xED, 0xA0, 0x80]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("above U+10FFFF to {role:?}"),
                role,
                f(0x81, &[0xF4, 0x90, 0x80, 0x80]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("truncated character at end of frame to {role:?}"),
                role,
                f(0x81, &[b'a', 0xE2, 0x82]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("truncated character at end of fragmented message to {role:?}"),
                role,
                cat(&[&f(0x01, &[0xE2, 0x82]), &f(0x00, b""), &f(0x80, b"")]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("F4 | 90 across a fragment boundary to {role:?}"),
                role,
                cat(&[&f(0x01, &[b'a', 0xF4]), &f(0x80, &[0x90, 0x80, 0x80])]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("invalid in the first fragment, before the rest arrives, to {role:?}"),
                role,
                f(0x01, &[0xC0, 0xAF]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("valid message then invalid one to {role:?}"),
                role,
                cat(&[&f(0x81, "é".as_bytes()), &f(0x81, &[0xE9])]),
                Error::InvalidUtf8,
                1007,
            )
            .before(vec![Ev::text("é")]),
        ]);
    }
    // Autobahn 6.4.1/6.4.2: the invalid sequence arrives in the second of
    // three fragments; the third one never needs to arrive.
    v.push(bad(
        "invalid_utf8",
        "Autobahn 6.4.1 (three fragments)",
        Client,
        six_four_one.clone(),
        Error::InvalidUtf8,
        1007,
    ));
    v.push(bad(
        "invalid_utf8",
        "Autobahn 6.4.2 (fragments, third never sent)",
        Client,
        cat(&[&frame(0x01, KOSME, None), &frame(0x00, &[0xF4, 0x90, 0x80, 0x80], None)]),
        Error::InvalidUtf8,
        1007,
    ));
    // Autobahn 6.4.3/6.4.4: one frame declaring 21 bytes, of which only the
    // valid prefix and F4 90 arrive: fail fast, without the rest.
    let prefix_len = header_6_4_3.len() - whole_6_4_3.len() + KOSME.len() + 2;
    v.push(bad(
        "invalid_utf8",
        "Autobahn 6.4.3/6.4.4 (frame cut after F4 90)",
        Client,
        header_6_4_3[..prefix_len].to_vec(),
        Error::InvalidUtf8,
        1007,
    ));
    let masked_6_4_3 = frame(0x81, &whole_6_4_3, Some(MASK));
    let prefix_len = masked_6_4_3.len() - whole_6_4_3.len() + KOSME.len() + 2;
    v.push(bad(
        "invalid_utf8",
        "Autobahn 6.4.3/6.4.4 masked to a server (frame cut after F4 90)",
        Server,
        masked_6_4_3[..prefix_len].to_vec(),
        Error::InvalidUtf8,
        1007,
    ));

    // §5.5.1: the Close body's reason "MUST be UTF-8-encoded" (§8.1 → 1007).
    for role in [Client, Server] {
        v.push(bad(
            "invalid_utf8_close_reason",
            format!("C0 AF in reason to {role:?}"),
            role,
            frame_to(role, 0x88, &close_payload(1000, &[0xC0, 0xAF])),
            Error::InvalidUtf8,
            1007,
        ));
        v.push(bad(
            "invalid_utf8_close_reason",
            format!("truncated character in reason to {role:?}"),
            role,
            frame_to(role, 0x88, &close_payload(1000, &[b'o', b'k', 0xE2, 0x82])),
            Error::InvalidUtf8,
            1007,
        ));
    }

    // §7.4.1/§7.4.2: 0-999 are not used, 1004 is reserved, 1005/1006/1015
    // "MUST NOT be set as a status code in a Close control frame", 1016-2999
    // are reserved for future protocol revisions, and there is nothing above
    // 4999. Received on the wire, all of them are a protocol error.
    for code in [0u16, 1, 500, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 6000, 65535] {
        for role in [Client, Server] {
            v.push(bad(
                "invalid_close_code",
                format!("close code {code} to {role:?}"),
                role,
                frame_to(role, 0x88, &close_payload(code, b"")),
                Error::InvalidCloseCode(code),
                1002,
            ));
        }
    }

    // §5.5.1: "If there is a body, the first two bytes of the body MUST be a
    // 2-byte unsigned integer". One byte cannot be.
    for role in [Client, Server] {
        v.push(bad(
            "close_payload_too_short",
            format!("1-byte close to {role:?}"),
            role,
            frame_to(role, 0x88, &[0x03]),
            Error::ClosePayloadTooShort,
            1002,
        ));
    }

    // §7.4.1 1009: "a message that is too big for it to process". The frame
    // limit is checked on the declared length: only the header is sent.
    for role in [Client, Server] {
        for (name, first, len) in
            [("101-byte binary", 0x82u8, 101usize), ("70000-byte text", 0x81, 70000), ("non-final 101", 0x02, 101)]
        {
            let f = frame_to(role, first, &vec![0; len]);
            v.push(
                bad(
                    "frame_too_large",
                    format!("{name} header to {role:?}"),
                    role,
                    f[..f.len() - len].to_vec(),
                    Error::Frame(FrameError::FrameTooLarge { len: len as u64, max: 100 }),
                    1009,
                )
                .config(|c| c.max_frame_size = 100),
            );
        }
        v.push(
            bad(
                "frame_too_large",
                format!("continuation over the limit to {role:?}"),
                role,
                cat(&[
                    &frame_to(role, 0x02, &[1; 100]),
                    &frame_to(role, 0x80, &[0; 101])[..4 + if role == Server { 4 } else { 0 }],
                ]),
                Error::Frame(FrameError::FrameTooLarge { len: 101, max: 100 }),
                1009,
            )
            .config(|c| c.max_frame_size = 100),
        );
        // The message limit is checked at the header of the fragment that
        // would take the message past it.
        let hdr = |first: u8, len: usize| {
            let f = frame_to(role, first, &vec![0; len]);
            f[..f.len() - len].to_vec()
        };
        v.push(
            bad(
                "message_too_large",
                format!("second fragment header to {role:?}"),
                role,
                cat(&[&frame_to(role, 0x02, &[1; 6]), &hdr(0x80, 5)]),
                Error::MessageTooLarge { max: 10 },
                1009,
            )
            .config(|c| c.max_message_size = 10),
        );
        v.push(
            bad(
                "message_too_large",
                format!("third fragment after a ping to {role:?}"),
                role,
                cat(&[
                    &frame_to(role, 0x01, b"abcd"),
                    &frame_to(role, 0x00, b"efgh"),
                    &frame_to(role, 0x89, b"p"),
                    &hdr(0x80, 3),
                ]),
                Error::MessageTooLarge { max: 10 },
                1009,
            )
            .config(|c| c.max_message_size = 10)
            .before(vec![Ev::Ping(b"p".to_vec())]),
        );
        v.push(
            bad(
                "message_too_large",
                format!("single frame header to {role:?}"),
                role,
                hdr(0x82, 11),
                Error::MessageTooLarge { max: 10 },
                1009,
            )
            .config(|c| c.max_message_size = 10),
        );
    }
    v
}
