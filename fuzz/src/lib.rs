//! Helpers shared by the fuzz targets: the input prefix that picks the
//! configuration and the splits, owned copies of events, drivers for both
//! read paths of a [`Connection`], and an independent frame parser used to
//! check what a connection writes.
//!
//! Nothing here uses the crate's own frame or UTF-8 code: the checks must
//! not share the bugs of the code they check.

use wsproto::{Chunk, CloseCode, Config, Connection, Delivery, Error, Event, Message, MessageKind, State};

/// The first four bytes of an input for the byte-stream targets:
/// `[flags, split, seed_lo, seed_hi]`, then the data. Missing bytes are 0.
#[derive(Debug, Clone, Copy)]
pub struct Prefix {
    /// Target-specific switches.
    pub flags: u8,
    /// How the data is cut (see [`pieces`]).
    pub split: u8,
    /// Seeds the cut sizes and the partial drains.
    pub seed: u16,
}

/// Splits a fuzz input into its [`Prefix`] and the data.
pub fn prefix(data: &[u8]) -> (Prefix, &[u8]) {
    let mut head = [0u8; 4];
    let n = data.len().min(4);
    head[..n].copy_from_slice(&data[..n]);
    let prefix = Prefix { flags: head[0], split: head[1], seed: u16::from_le_bytes([head[2], head[3]]) };
    (prefix, &data[n..])
}

/// A small deterministic generator (xorshift32) for cut sizes.
#[derive(Debug, Clone)]
pub struct Rng(u32);

impl Rng {
    pub fn new(seed: u16) -> Rng {
        Rng(0x9E37_79B9 ^ (u32::from(seed) << 8 | 1))
    }

    pub fn next_u32(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x
    }

    /// A number in `1..=max` (`max >= 1`).
    pub fn between_1_and(&mut self, max: usize) -> usize {
        1 + (self.next_u32() as usize) % max.max(1)
    }
}

/// The lengths of the pieces `len` bytes are cut into:
/// `split == 0`: one piece; `1`: byte by byte; `2..=254`: random sizes in
/// `1..=split`; `255`: a few random cuts anywhere.
pub fn pieces(len: usize, split: u8, seed: u16) -> Vec<usize> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut left = len;
    while left > 0 {
        let n = match split {
            0 => left,
            1 => 1,
            255 => rng.between_1_and(len),
            max => rng.between_1_and(usize::from(max)),
        }
        .min(left);
        out.push(n);
        left -= n;
    }
    out
}

/// Cuts `data` into the pieces [`pieces`] describes.
pub fn cut(data: &[u8], split: u8, seed: u16) -> Vec<&[u8]> {
    let mut rest = data;
    pieces(data.len(), split, seed)
        .into_iter()
        .map(|n| {
            let (piece, tail) = rest.split_at(n);
            rest = tail;
            piece
        })
        .collect()
}

/// An event copied out of the borrow, for comparing runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ev {
    HandshakeComplete,
    UpgradeRequest,
    HttpRequest,
    HttpResponse(u16),
    Message(MessageKind, Vec<u8>),
    Chunk {
        kind: MessageKind,
        data: Vec<u8>,
        first: bool,
        last: bool,
    },
    Ping(Vec<u8>),
    Pong(Vec<u8>),
    Close(u16, Vec<u8>),
    /// An event variant added to the crate after this harness.
    Other,
}

/// Copies an event out of its borrow.
pub fn owned(event: &Event<'_>) -> Ev {
    match event {
        Event::HandshakeComplete(_) => Ev::HandshakeComplete,
        Event::UpgradeRequest(_) => Ev::UpgradeRequest,
        Event::HttpRequest(_) => Ev::HttpRequest,
        Event::HttpResponse(r) => Ev::HttpResponse(r.status),
        Event::Message(Message::Text(t)) => Ev::Message(MessageKind::Text, t.as_bytes().to_vec()),
        Event::Message(Message::Binary(b)) => Ev::Message(MessageKind::Binary, b.to_vec()),
        Event::Chunk(Chunk { kind, data, first, last }) => {
            Ev::Chunk { kind: *kind, data: data.to_vec(), first: *first, last: *last }
        }
        Event::Ping(p) => Ev::Ping(p.to_vec()),
        Event::Pong(p) => Ev::Pong(p.to_vec()),
        Event::Close(c) => Ev::Close(c.code.0, c.reason.as_bytes().to_vec()),
        _ => Ev::Other,
    }
}

/// Turns chunk runs into whole messages, so that runs with different
/// splits can be compared, and checks the chunk flags on the way: `first`
/// on the first piece only, one kind per message. A message cut short by
/// an error or EOF is dropped.
#[derive(Debug, Default)]
pub struct Normalizer {
    partial: Option<(MessageKind, Vec<u8>)>,
    pub events: Vec<Ev>,
}

impl Normalizer {
    pub fn push(&mut self, ev: Ev) {
        match ev {
            Ev::Chunk { kind, data, first, last } => {
                match &mut self.partial {
                    None => {
                        assert!(first, "a message's first chunk must say first");
                        self.partial = Some((kind, data));
                    }
                    Some((k, buf)) => {
                        assert!(!first, "only the first chunk of a message says first");
                        assert_eq!(*k, kind, "the kind changed inside a message");
                        buf.extend_from_slice(&data);
                    }
                }
                if last {
                    let (kind, data) = self.partial.take().unwrap();
                    if kind == MessageKind::Text {
                        assert!(core::str::from_utf8(&data).is_ok(), "a whole text message must be UTF-8");
                    }
                    self.events.push(Ev::Message(kind, data));
                }
            }
            Ev::Message(kind, data) => {
                assert!(self.partial.is_none(), "a whole message inside a chunked one");
                self.events.push(Ev::Message(kind, data));
            }
            other => self.events.push(other),
        }
    }
}

/// The configuration a flags byte picks: bit 0 chunk delivery, bit 1
/// auto-pong off, bit 2 auto close-reply off, bit 3 small limits, bit 4
/// accept unmasked frames.
pub fn config_from_flags(flags: u8) -> Config {
    let mut config = Config::default();
    if flags & 1 != 0 {
        config.delivery = Delivery::Chunks;
    }
    config.auto_pong = flags & 2 == 0;
    config.auto_close_reply = flags & 4 == 0;
    if flags & 8 != 0 {
        config.max_frame_size = 200;
        config.max_message_size = 300;
    }
    config.accept_unmasked_frames = flags & 16 != 0;
    config
}

/// Which way bytes go into a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// [`Connection::read`] on the caller's buffer.
    Read,
    /// [`Connection::feed`] then [`Connection::poll`].
    Poll,
}

/// What one run of a connection over some input produced.
#[derive(Debug, PartialEq, Eq)]
pub struct Run {
    /// Events, chunks merged into messages.
    pub events: Vec<Ev>,
    /// The error that ended the run, if one did.
    pub error: Option<Error>,
    /// Every byte the connection queued, in order.
    pub output: Vec<u8>,
    /// What `read_eof` returned at the end, if it was called.
    pub eof: Option<Result<Option<Ev>, Error>>,
    pub state: State,
}

/// Drives `conn` over `pieces` through `path`, answering upgrade requests
/// with `accept` and plain HTTP requests with a 404, and checks the
/// invariants that hold for any input:
///
/// - `consumed` never exceeds the input; once the handshake is done, a read
///   with no event has consumed all of its input;
/// - no read loops: events are bounded by the input size;
/// - everything the connection ever queued stays within `max_output` of the
///   input size;
/// - after an error, every read (and poll) returns that same error, and
///   `read_eof` returns nothing.
///
/// With `drain_seed`, the output is drained after every event except a
/// Chunk, by a seeded partial amount: events sit at the same stream
/// positions however the input is cut (Chunk boundaries follow the cuts),
/// so every run drains at the same points and must queue the same bytes.
/// Without it, nothing is drained until the end. Draining after each
/// piece instead would tie the application's behaviour to the cuts, and
/// the coalescing of unwritten Pongs (`Config::auto_pong`) rightly depends
/// on what the application has written.
pub fn drive(
    mut conn: Connection,
    pieces: &[&[u8]],
    path: Path,
    drain_seed: Option<u16>,
    call_eof: bool,
    max_output: impl Fn(usize) -> usize,
) -> Run {
    let mut norm = Normalizer::default();
    let mut output = Vec::new();
    let mut error: Option<Error> = None;
    let mut leftover: Vec<u8> = Vec::new();
    let mut handshake_done = false;
    let mut fed = 0usize;
    let mut drain_rng = drain_seed.map(Rng::new);
    let drain = |conn: &mut Connection, output: &mut Vec<u8>, rng: &mut Option<Rng>, all: bool| {
        let pending = conn.sender().pending_len();
        let n = match rng {
            _ if all => pending,
            Some(rng) if pending > 0 => rng.between_1_and(pending) - 1,
            _ => 0,
        };
        output.extend_from_slice(&conn.sender().pending()[..n]);
        conn.sender().advance(n).expect("advance within pending");
    };

    for piece in pieces {
        fed += piece.len();
        if let Some(e) = &error {
            // Sticky: a failed connection keeps failing with the same error.
            match path {
                Path::Read => {
                    let mut buf = piece.to_vec();
                    assert_eq!(conn.read(&mut buf).err().as_ref(), Some(e), "the error must be sticky");
                }
                Path::Poll => {
                    conn.feed(piece);
                    assert_eq!(conn.poll().err().as_ref(), Some(e), "the error must be sticky");
                }
            }
            continue;
        }
        let mut events_here = 0usize;
        let budget = leftover.len() + piece.len() + 8;
        match path {
            Path::Read => {
                leftover.extend_from_slice(piece);
                let mut buf = core::mem::take(&mut leftover);
                let mut off = 0;
                loop {
                    let len = buf.len() - off;
                    let read = match conn.read(&mut buf[off..]) {
                        Ok(read) => read,
                        Err(e) => {
                            error = Some(e);
                            break;
                        }
                    };
                    assert!(read.consumed <= len, "consumed {} of {len}", read.consumed);
                    off += read.consumed;
                    let Some(event) = read.event else {
                        if handshake_done {
                            assert_eq!(read.consumed, len, "a read with no event consumes all of its input");
                        }
                        break;
                    };
                    let ev = owned(&event);
                    events_here += 1;
                    assert!(events_here <= budget, "too many events for the input: a read loops");
                    after_event(&mut conn, &ev, &mut handshake_done);
                    if !matches!(ev, Ev::Chunk { .. }) {
                        drain(&mut conn, &mut output, &mut drain_rng, false);
                    }
                    norm.push(ev);
                }
                leftover = buf.split_off(off);
            }
            Path::Poll => {
                conn.feed(piece);
                loop {
                    let read = match conn.poll() {
                        Ok(read) => read,
                        Err(e) => {
                            error = Some(e);
                            break;
                        }
                    };
                    let Some(event) = read.event else { break };
                    let ev = owned(&event);
                    events_here += 1;
                    assert!(events_here <= budget, "too many events for the input: a poll loops");
                    after_event(&mut conn, &ev, &mut handshake_done);
                    if !matches!(ev, Ev::Chunk { .. }) {
                        drain(&mut conn, &mut output, &mut drain_rng, false);
                    }
                    norm.push(ev);
                }
            }
        }
        if let Some(e) = &error {
            assert_eq!(conn.state(), State::Closed, "a failed connection is Closed");
            // The same error again, on the rest and on nothing.
            match path {
                Path::Read => {
                    let mut rest = core::mem::take(&mut leftover);
                    assert_eq!(conn.read(&mut rest).err().as_ref(), Some(e), "the error must be sticky");
                    assert_eq!(conn.read(&mut []).err().as_ref(), Some(e), "the error must be sticky");
                }
                Path::Poll => {
                    assert_eq!(conn.poll().err().as_ref(), Some(e), "the error must be sticky");
                }
            }
        }
        let produced = output.len() + conn.sender().pending_len();
        assert!(
            produced <= max_output(fed),
            "{produced} bytes queued for {fed} bytes of input (bound {})",
            max_output(fed)
        );
    }

    let eof = call_eof.then(|| {
        let result = conn.read_eof().map(|e| e.map(|e| owned(&e)));
        if error.is_some() {
            assert_eq!(result, Ok(None), "EOF after a failure has no event");
        }
        if let Ok(Some(ev)) = &result {
            assert_eq!(*ev, Ev::Close(CloseCode::ABNORMAL.0, Vec::new()), "EOF is an abnormal closure");
        }
        // A second EOF has nothing to add.
        assert!(matches!(conn.read_eof(), Ok(None) | Err(_)));
        assert_eq!(conn.state(), State::Closed, "after EOF the connection is Closed");
        result
    });
    drain(&mut conn, &mut output, &mut drain_rng, true);
    assert!(output.len() <= max_output(fed));
    Run { events: norm.events, error, output, eof, state: conn.state() }
}

fn after_event(conn: &mut Connection, ev: &Ev, handshake_done: &mut bool) {
    match ev {
        Ev::UpgradeRequest => {
            assert_eq!(conn.state(), State::Connecting);
            conn.accept(&wsproto::handshake::AcceptOptions::new()).expect("accepting a reported upgrade request");
            assert_eq!(conn.state(), State::Open);
        }
        Ev::HttpRequest => {
            conn.respond(404, "Not Found", &[], b"no page here\n").expect("answering a reported request");
            assert_eq!(conn.state(), State::Closed);
        }
        Ev::HttpResponse(_) => assert_eq!(conn.state(), State::Closed),
        Ev::HandshakeComplete => {
            assert!(!*handshake_done, "HandshakeComplete twice");
            *handshake_done = true;
        }
        _ => assert!(*handshake_done, "a frame event before HandshakeComplete"),
    }
}

/// A frame parsed by [`WireParser`]: payload unmasked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireFrame {
    pub fin: bool,
    pub opcode: u8,
    pub payload: Vec<u8>,
}

/// What [`WireParser::push`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wire {
    /// A complete header: FIN, opcode and payload length.
    Header { fin: bool, opcode: u8, len: u64 },
    /// A complete frame.
    Frame(WireFrame),
}

/// An independent parser for the bytes one of our connections writes. It
/// is strict about what a correct sender must do (RFC 6455 §5): no RSV
/// bits, known opcodes, unfragmented control frames of at most 125 bytes,
/// minimal lengths, a mask on every client frame and on no server frame.
/// With `http_head`, it first skips an HTTP head (up to `\r\n\r\n`).
#[derive(Debug)]
pub struct WireParser {
    buf: Vec<u8>,
    in_head: bool,
    masked: bool,
    header_reported: bool,
}

impl WireParser {
    pub fn new(masked: bool, http_head: bool) -> WireParser {
        WireParser { buf: Vec::new(), in_head: http_head, masked, header_reported: false }
    }

    /// Whether the HTTP head has been skipped.
    pub fn past_head(&self) -> bool {
        !self.in_head
    }

    /// Takes the next bytes and returns the headers and frames they
    /// complete.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<Wire> {
        self.buf.extend_from_slice(bytes);
        let mut out = Vec::new();
        if self.in_head {
            match self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                Some(end) => {
                    self.buf.drain(..end + 4);
                    self.in_head = false;
                }
                None => return out,
            }
        }
        loop {
            if self.buf.len() < 2 {
                return out;
            }
            let (b0, b1) = (self.buf[0], self.buf[1]);
            let fin = b0 & 0x80 != 0;
            let opcode = b0 & 0x0F;
            assert_eq!(b0 & 0x70, 0, "we sent RSV bits with no extension");
            assert!(matches!(opcode, 0 | 1 | 2 | 8 | 9 | 10), "we sent opcode {opcode:#x}");
            assert_eq!(b1 & 0x80 != 0, self.masked, "mask bit wrong for our role");
            let (len, mut at) = match b1 & 0x7F {
                126 => {
                    if self.buf.len() < 4 {
                        return out;
                    }
                    let len = u64::from(u16::from_be_bytes([self.buf[2], self.buf[3]]));
                    assert!(len >= 126, "we sent a non-minimal 16-bit length");
                    (len, 4)
                }
                127 => {
                    if self.buf.len() < 10 {
                        return out;
                    }
                    let mut be = [0u8; 8];
                    be.copy_from_slice(&self.buf[2..10]);
                    let len = u64::from_be_bytes(be);
                    assert!(len > 0xFFFF && len >> 63 == 0, "we sent a bad 64-bit length");
                    (len, 10)
                }
                n => (u64::from(n), 2),
            };
            if opcode & 0x8 != 0 {
                assert!(fin, "we sent a fragmented control frame");
                assert!(len <= 125, "we sent a control frame of {len} bytes");
            }
            let mask = if self.masked {
                if self.buf.len() < at + 4 {
                    return out;
                }
                let key = [self.buf[at], self.buf[at + 1], self.buf[at + 2], self.buf[at + 3]];
                at += 4;
                Some(key)
            } else {
                None
            };
            if !self.header_reported {
                self.header_reported = true;
                out.push(Wire::Header { fin, opcode, len });
            }
            let len = usize::try_from(len).expect("frame length fits in memory");
            if self.buf.len() < at + len {
                return out;
            }
            let mut payload = self.buf[at..at + len].to_vec();
            if let Some(key) = mask {
                for (i, b) in payload.iter_mut().enumerate() {
                    *b ^= key[i % 4];
                }
            }
            self.buf.drain(..at + len);
            self.header_reported = false;
            out.push(Wire::Frame(WireFrame { fin, opcode, payload }));
        }
    }
}

/// RFC 6455 §7.4.1, §7.4.2 and the IANA registry, written out again here:
/// the codes that may appear in a Close frame.
pub fn close_code_sendable(code: u16) -> bool {
    matches!(code, 1000..=1003 | 1007..=1014 | 3000..=4999)
}
