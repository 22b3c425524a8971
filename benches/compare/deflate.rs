//! D1–D5: permessage-deflate (RFC 7692) workloads, wsproto against yawc 0.3
//! and against the backend alone.
//!
//! - D1 / D2: receive 100,000 JSON-like texts of about 300 B, with context
//!   takeover (D1) and with `server_no_context_takeover;
//!   client_no_context_takeover` (D2).
//! - D3 / D4: send the same texts (server side), with and without context
//!   takeover.
//! - D5: receive 256 compressible binaries of 64 KiB, with context takeover.
//!
//! Every implementation compresses (or meets input compressed) at level 6,
//! window bits 15 both ways, memory level 8 ([`LEVEL`], [`WINDOW_BITS`],
//! [`MEM_LEVEL`]).
//!
//! - wsproto: `Connection::open_server` with the negotiated response string
//!   and `Config::deflate` set to those values; receive through the same
//!   [`ours_recv`] loop as W1 (64 KiB reads into one reused buffer),
//!   send with `send_text`, drained every 64 KiB.
//! - "backend": zlib-rs used directly (`zlib_rs::{Inflate, Deflate}`), the
//!   limit: each payload inflated with `00 00 ff ff` fed after it (RFC 7692
//!   §7.2.2), or compressed with a sync flush and the tail cut (§7.2.1), into
//!   one reused buffer; the stream is reset after each message without
//!   context takeover. No framing, no UTF-8 check.
//! - yawc 0.3 (features `zlib`, `simd`): its server side exists only as a
//!   hyper upgrade, so it runs as the client over an in-memory stream
//!   ([`YawcStream`]) that answers its handshake with a fixed 101 carrying the
//!   extension: it receives the same compressed payloads in unmasked frames
//!   and sends masked ones. `next_frame()` to receive (whole messages, UTF-8
//!   checked with `with_utf8()`, as wsproto does), `feed` + one `flush` to
//!   send.
//!
//! The wire for the receive rows is made once by the backend. Round 0
//! checks everything: every message is inflated back (the send rows'
//! output by an independent zlib-rs stream) and folded into the checksum,
//! which must equal the generator's; the send rows' compressed sizes are
//! recorded, and every later round must write the same number of bytes.

use std::sync::{Arc, Mutex};

use bytes::Bytes;
use wsproto::extensions::deflate::DeflateConfig;
use zlib_rs::{Deflate, DeflateFlush, Inflate, InflateFlush, Status};

use super::*;

/// The compression level of every implementation.
pub const LEVEL: u8 = 6;
/// The LZ77 window of every compressor and decompressor, both directions.
pub const WINDOW_BITS: u8 = 15;
/// zlib's memory level (yawc's flate2 cannot set it and uses 8).
pub const MEM_LEVEL: u8 = 8;
/// RFC 7692 §7.2.1: the end of a sync flush, cut by the sender and put back
/// by the receiver (§7.2.2).
const TAIL: [u8; 4] = [0x00, 0x00, 0xff, 0xff];
const BIN_SIZE: usize = 64 * 1024;

const OURS: usize = 0;
const BACKEND: usize = 1;
const YAWC: usize = 2;
const NAMES: [&str; 3] = ["ours", "backend", "yawc"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Work {
    D1,
    D2,
    D3,
    D4,
    D5,
}

impl Work {
    fn takeover(self) -> bool {
        !matches!(self, Work::D2 | Work::D4)
    }
}

// ---------------------------------------------------------------------------
// The backend alone.

fn new_deflate() -> Deflate {
    Deflate::new_with_config(zlib_rs::DeflateConfig {
        level: i32::from(LEVEL),
        method: zlib_rs::Method::Deflated,
        window_bits: -i32::from(WINDOW_BITS),
        mem_level: i32::from(MEM_LEVEL),
        strategy: zlib_rs::Strategy::Default,
    })
}

fn new_inflate() -> Inflate {
    Inflate::new(false, WINDOW_BITS)
}

/// Compresses one message into `scratch` with a sync flush and returns the
/// length without the flush's tail (RFC 7692 §7.2.1).
#[inline]
fn deflate_into(d: &mut Deflate, data: &[u8], scratch: &mut Vec<u8>) -> usize {
    let room = data.len() + data.len() / 16 + 64;
    if scratch.len() < room {
        scratch.resize(room, 0);
    }
    let (mut consumed, mut filled) = (0, 0);
    loop {
        let (i0, o0) = (d.total_in(), d.total_out());
        let status = d.compress(&data[consumed..], &mut scratch[filled..], DeflateFlush::SyncFlush);
        assert!(status.is_ok(), "deflate: {status:?}");
        consumed += (d.total_in() - i0) as usize;
        filled += (d.total_out() - o0) as usize;
        if consumed == data.len() && filled < scratch.len() {
            break;
        }
        let grown = scratch.len() * 2;
        scratch.resize(grown, 0);
    }
    assert!(scratch[..filled].ends_with(&TAIL), "a sync flush ends with an empty stored block");
    filled - TAIL.len()
}

/// Inflates one message's payload, then the tail (RFC 7692 §7.2.2), into
/// `out` (grown as needed, reused); returns the inflated length.
#[inline]
fn inflate_into(i: &mut Inflate, payload: &[u8], out: &mut Vec<u8>) -> usize {
    inflate_sources(i, &[payload, &TAIL[..]], out)
}

/// Inflates `sources`, one after the other, into `out`.
#[inline]
fn inflate_sources(i: &mut Inflate, sources: &[&[u8]], out: &mut Vec<u8>) -> usize {
    let mut filled = 0;
    for src in sources {
        let mut at = 0;
        loop {
            if filled == out.len() {
                let grown = (out.len() * 2).max(4096);
                out.resize(grown, 0);
            }
            let (i0, o0) = (i.total_in(), i.total_out());
            let status = i.decompress(&src[at..], &mut out[filled..], InflateFlush::SyncFlush);
            assert!(matches!(status, Ok(Status::Ok | Status::BufError)), "inflate: {status:?}");
            at += (i.total_in() - i0) as usize;
            filled += (i.total_out() - o0) as usize;
            if at == src.len() && filled < out.len() {
                break;
            }
        }
    }
    filled
}

/// The backend receiving: inflates each payload of `set`, folds it. Each
/// payload is first copied, with the tail after it, into one reused
/// buffer, so that zlib inflates both in one call: a 100-byte copy costs
/// far less than a second call (about 450 instructions per message on
/// D1), so this is the backend's fastest path.
/// (Not inlined: an entry point for `callgrind --toggle-collect`.)
#[inline(never)]
fn backend_recv(
    set: &RecvSet,
    takeover: bool,
    inflate: &mut Inflate,
    joined: &mut Vec<u8>,
    out: &mut Vec<u8>,
) -> Outcome {
    let mut o = Outcome::default();
    let mut start = 0;
    for &end in &set.ends {
        joined.clear();
        joined.extend_from_slice(&set.payloads[start..end]);
        joined.extend_from_slice(&TAIL);
        let n = inflate_sources(inflate, &[&joined[..]], out);
        start = end;
        o.add(&out[..n]);
        if !takeover {
            inflate.reset(false);
        }
    }
    o
}

/// The backend sending: compresses each text into a reused buffer and
/// writes it to the sink; `lens` (checking round) gets each length.
#[inline(never)]
fn backend_send(
    texts: &Texts,
    takeover: bool,
    d: &mut Deflate,
    scratch: &mut Vec<u8>,
    sink: &mut Sink,
    mut lens: Option<&mut Vec<usize>>,
) {
    for text in texts.iter() {
        let n = deflate_into(d, text.as_bytes(), scratch);
        sink.write(&scratch[..n]);
        if let Some(lens) = lens.as_deref_mut() {
            lens.push(n);
        }
        if !takeover {
            d.reset();
        }
    }
}

// ---------------------------------------------------------------------------
// wsproto.

fn ext_string(takeover: bool) -> &'static str {
    if takeover {
        "permessage-deflate"
    } else {
        "permessage-deflate; server_no_context_takeover; client_no_context_takeover"
    }
}

fn ours_open(takeover: bool) -> Connection {
    let mut config = our_config();
    config.deflate = Some(
        DeflateConfig::new()
            .level(LEVEL)
            .mem_level(MEM_LEVEL)
            .server_max_window_bits(WINDOW_BITS)
            .client_max_window_bits(WINDOW_BITS)
            .server_no_context_takeover(!takeover)
            .client_no_context_takeover(!takeover),
    );
    let negotiated = Negotiated { protocol: None, extensions: vec![ext_string(takeover).into()] };
    Connection::open_server(config, negotiated).expect("open_server with permessage-deflate")
}

/// Sends every text (compressed), draining every 64 KiB.
#[inline(never)]
fn ours_send_deflate(conn: &mut Connection, texts: &Texts, sink: &mut Sink) {
    let sender = conn.sender();
    for text in texts.iter() {
        sender.send_text(text).expect("send");
        if sender.pending_len() >= CHUNK {
            drain(sender, sink);
        }
    }
    drain(sender, sink);
}

// ---------------------------------------------------------------------------
// yawc, over an owned in-memory stream.

/// A `'static` stream for yawc: reads serve `input` (a 101 response, then
/// frames) at most 64 KiB at a time, once the request has been written
/// (hyper's client fails on a response that comes before its request);
/// writes go to the shared sink.
struct YawcStream {
    input: &'static [u8],
    pos: usize,
    sink: Arc<Mutex<Sink>>,
    written: bool,
    reader: Option<std::task::Waker>,
}

impl AsyncRead for YawcStream {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if !this.written {
            this.reader = Some(cx.waker().clone());
            return Poll::Pending;
        }
        let n = buf.remaining().min(CHUNK).min(this.input.len() - this.pos);
        buf.put_slice(&this.input[this.pos..this.pos + n]);
        this.pos += n;
        Poll::Ready(Ok(()))
    }
}

impl AsyncWrite for YawcStream {
    fn poll_write(self: Pin<&mut Self>, _: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        this.wrote();
        this.sink.lock().expect("sink").write(buf);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_write_vectored(self: Pin<&mut Self>, _: &mut Context<'_>, bufs: &[IoSlice<'_>]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        this.wrote();
        let mut sink = this.sink.lock().expect("sink");
        let mut n = 0;
        for b in bufs {
            sink.write(b);
            n += b.len();
        }
        Poll::Ready(Ok(n))
    }

    fn is_write_vectored(&self) -> bool {
        true
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

impl YawcStream {
    fn wrote(&mut self) {
        self.written = true;
        if let Some(w) = self.reader.take() {
            w.wake();
        }
    }
}

/// The 101 that yawc's client handshake reads (yawc does not check
/// `Sec-WebSocket-Accept`).
fn response_101(takeover: bool) -> String {
    format!(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Accept: {ACCEPT}\r\nSec-WebSocket-Extensions: {}\r\n\r\n",
        ext_string(takeover)
    )
}

fn yawc_open(
    rt: &Runtime,
    input: &'static [u8],
    takeover: bool,
    sink: Arc<Mutex<Sink>>,
) -> yawc::WebSocket<YawcStream> {
    let deflate = yawc::DeflateOptions {
        level: yawc::CompressionLevel::new(u32::from(LEVEL)),
        server_max_window_bits: None,
        client_max_window_bits: None,
        server_no_context_takeover: !takeover,
        client_no_context_takeover: !takeover,
    };
    let options = yawc::Options { compression: Some(deflate), ..yawc::Options::default() }
        .with_limits(LIMIT, 2 * LIMIT)
        .with_utf8();
    let stream = YawcStream { input, pos: 0, sink, written: false, reader: None };
    let url = "ws://bench.invalid/".parse().expect("url");
    rt.block_on(yawc::WebSocket::handshake(url, stream, options)).expect("yawc handshake")
}

// ---------------------------------------------------------------------------
// Input.

/// Texts stored end to end, with where each ends.
struct Texts {
    all: String,
    ends: Vec<usize>,
    bytes: Bytes,
}

impl Texts {
    fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(self.ends.iter().copied()).map(|(a, b)| &self.all[a..b])
    }

    fn ranges(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        std::iter::once(0).chain(self.ends.iter().copied()).zip(self.ends.iter().copied())
    }
}

/// One receive workload: the payloads as the backend compressed them, the
/// masked frames for wsproto and the 101 + unmasked frames for yawc.
struct RecvSet {
    payloads: Vec<u8>,
    ends: Vec<usize>,
    masked: Vec<u8>,
    yawc_input: &'static [u8],
    expect: Outcome,
    plain: u64,
}

impl RecvSet {
    fn build<'a>(messages: impl Iterator<Item = &'a [u8]>, opcode: u8, takeover: bool, rng: &mut Prng) -> RecvSet {
        let mut d = new_deflate();
        let mut scratch = Vec::new();
        let (mut payloads, mut ends, mut masked) = (Vec::new(), Vec::new(), Vec::new());
        let mut unmasked = response_101(takeover).into_bytes();
        let (mut expect, mut plain) = (Outcome::default(), 0);
        // RFC 7692 §6: RSV1 on the first (here the only) frame of a
        // compressed message.
        let first = frames::first_byte(true, 0b100, opcode);
        for m in messages {
            let n = deflate_into(&mut d, m, &mut scratch);
            if !takeover {
                d.reset();
            }
            let p = &scratch[..n];
            payloads.extend_from_slice(p);
            ends.push(payloads.len());
            frames::push_frame(&mut masked, first, p, Some(rng.key()));
            frames::push_frame(&mut unmasked, first, p, None);
            expect.add(m);
            plain += m.len() as u64;
        }
        let yawc_input: &'static [u8] = Box::leak(unmasked.into_boxed_slice());
        RecvSet { payloads, ends, masked, yawc_input, expect, plain }
    }
}

const SYMBOLS: [&str; 8] = ["BTC-USD", "ETH-USD", "SOL-USD", "ADA-EUR", "XRP-USD", "DOT-GBP", "LTC-USD", "AVAX-USD"];
const KINDS: [&str; 4] = ["trade", "quote", "cancel", "fill"];
const WORDS: [&str; 24] = [
    "alpha",
    "bravo",
    "order",
    "filled",
    "partial",
    "market",
    "limit",
    "stop",
    "client",
    "session",
    "gateway",
    "matching",
    "engine",
    "latency",
    "update",
    "snapshot",
    "delta",
    "book",
    "level",
    "price",
    "volume",
    "ticker",
    "heartbeat",
    "status",
];

/// A JSON-like text of about 300 bytes (260–340): the fields of a trading
/// event with varied numbers, and a note of random words.
fn json_message(rng: &mut Prng, id: usize) -> String {
    let target = 260 + rng.below(81) as usize;
    let mut s = format!(
        "{{\"id\":{id},\"type\":\"{}\",\"symbol\":\"{}\",\"price\":{}.{:02},\"qty\":{}.{:04},\"side\":\"{}\",\
         \"ts\":{},\"user\":{{\"id\":{},\"name\":\"user_{}\",\"verified\":{}}},\"tags\":[",
        KINDS[rng.below(4) as usize],
        SYMBOLS[rng.below(8) as usize],
        rng.below(100_000),
        rng.below(100),
        rng.below(1000),
        rng.below(10_000),
        if rng.below(2) == 0 { "buy" } else { "sell" },
        1_764_633_600_000 + rng.below(86_400_000),
        rng.below(1_000_000),
        rng.below(100_000),
        rng.below(2) == 0,
    );
    for k in 0..1 + rng.below(4) {
        if k > 0 {
            s.push(',');
        }
        let _ = write!(s, "\"{}\"", WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    s.push_str("],\"note\":\"");
    while s.len() + 2 < target {
        s.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
        s.push(' ');
    }
    s.push_str("\"}");
    s
}

/// 64 KiB of log-like lines (compressible about 3–5×).
fn log_block(rng: &mut Prng) -> Vec<u8> {
    let mut s = String::with_capacity(BIN_SIZE + 200);
    while s.len() < BIN_SIZE {
        let _ = writeln!(
            s,
            "2026-12-02T{:02}:{:02}:{:02}.{:03}Z {} {} id={} path=/api/v1/{}/{} status={} bytes={}",
            rng.below(24),
            rng.below(60),
            rng.below(60),
            rng.below(1000),
            ["INFO", "WARN", "DEBUG", "ERROR"][rng.below(4) as usize],
            WORDS[rng.below(WORDS.len() as u64) as usize],
            rng.below(1_000_000),
            WORDS[rng.below(WORDS.len() as u64) as usize],
            rng.below(10_000),
            [200, 200, 200, 204, 301, 404, 500][rng.below(7) as usize],
            rng.below(100_000),
        );
    }
    s.truncate(BIN_SIZE);
    s.into_bytes()
}

struct DData {
    texts: Texts,
    text_expect: Outcome,
    text_plain: u64,
    /// D1, D2, D5.
    recv: [RecvSet; 3],
}

impl DData {
    fn generate(scale: f64) -> DData {
        let mut rng = Prng(0xDEF1_A7E0_5EED_0001);
        let n = scaled(100_000, scale, 100);
        let mut all = String::with_capacity(n * 310);
        let mut ends = Vec::with_capacity(n);
        let mut text_expect = Outcome::default();
        for id in 0..n {
            let m = json_message(&mut rng, id);
            text_expect.add(m.as_bytes());
            all.push_str(&m);
            ends.push(all.len());
        }
        let texts = Texts { bytes: Bytes::from(all.clone().into_bytes()), all, ends };
        let bins: Vec<Vec<u8>> = (0..scaled(256, scale, 2)).map(|_| log_block(&mut rng)).collect();
        let recv = [
            RecvSet::build(texts.iter().map(str::as_bytes), 0x1, true, &mut rng),
            RecvSet::build(texts.iter().map(str::as_bytes), 0x1, false, &mut rng),
            RecvSet::build(bins.iter().map(|b| &b[..]), 0x2, true, &mut rng),
        ];
        let text_plain = texts.all.len() as u64;
        DData { texts, text_expect, text_plain, recv }
    }

    fn set(&self, work: Work) -> Option<&RecvSet> {
        match work {
            Work::D1 => Some(&self.recv[0]),
            Work::D2 => Some(&self.recv[1]),
            Work::D5 => Some(&self.recv[2]),
            Work::D3 | Work::D4 => None,
        }
    }

    fn expect(&self, work: Work) -> Outcome {
        self.set(work).map_or(self.text_expect, |s| s.expect)
    }

    fn plain(&self, work: Work) -> u64 {
        self.set(work).map_or(self.text_plain, |s| s.plain)
    }
}

// ---------------------------------------------------------------------------
// Running.

struct DSample {
    secs: f64,
    allocs: u64,
    /// Messages and checksum of the plaintext (wire left 0).
    outcome: Outcome,
    /// Send rows: bytes written (frames, or the backend's bare payloads),
    /// and the compressed payload bytes (checking round only).
    wire: u64,
    payload: Option<u64>,
}

/// Checks frames written by a compressing sender: whole text frames with
/// RSV1 (RFC 7692 §6), masked as expected; inflates every payload with an
/// independent zlib-rs stream. Returns the plaintext outcome and the
/// compressed payload bytes.
fn check_sent_frames(out: &[u8], masked: bool, takeover: bool) -> (Outcome, u64) {
    let mut inflate = new_inflate();
    let mut buf = Vec::new();
    let (mut o, mut payload) = (Outcome::default(), 0);
    for f in frames::frames(out) {
        assert!(f.fin && f.opcode == 1, "not a whole text frame: {f:?}");
        assert_eq!(f.rsv, 0b100, "RSV1 marks a compressed message");
        assert_eq!(f.mask.is_some(), masked, "mask bit");
        payload += f.payload.len() as u64;
        let n = inflate_into(&mut inflate, &f.payload, &mut buf);
        std::str::from_utf8(&buf[..n]).expect("text is UTF-8");
        o.add(&buf[..n]);
        if !takeover {
            inflate.reset(false);
        }
    }
    (o, payload)
}

fn run_one(data: &DData, rt: &Runtime, buf: &mut [u8], work: Work, imp: usize, verify: bool) -> DSample {
    let takeover = work.takeover();
    let n = data.expect(work).messages;
    if let Some(set) = data.set(work) {
        let (outcome, secs, allocs) = match imp {
            OURS => {
                let mut conn = ours_open(takeover);
                measure(verify, || ours_recv(&mut conn, &set.masked, buf))
            }
            BACKEND => {
                let mut inflate = new_inflate();
                let (mut joined, mut out) = (Vec::new(), Vec::new());
                measure(verify, || backend_recv(set, takeover, &mut inflate, &mut joined, &mut out))
            }
            _ => {
                let sink = Arc::new(Mutex::new(Sink::new(None)));
                let mut ws = yawc_open(rt, set.yawc_input, takeover, sink);
                measure(verify, || {
                    rt.block_on(async {
                        let mut out = Outcome::default();
                        for _ in 0..n {
                            let frame = ws.next_frame().await.expect("yawc read");
                            assert!(frame.is_fin());
                            assert!(matches!(frame.opcode(), yawc::frame::OpCode::Text | yawc::frame::OpCode::Binary));
                            out.add(frame.payload());
                        }
                        out
                    })
                })
            }
        };
        return DSample { secs, allocs, outcome, wire: 0, payload: None };
    }
    // Send rows.
    let texts = &data.texts;
    let collect = verify.then_some(texts.all.len() + 14 * texts.ends.len());
    let (secs, allocs, sink, lens) = match imp {
        OURS => {
            let mut sink = Sink::new(collect);
            let mut conn = ours_open(takeover);
            let ((), secs, allocs) = measure(verify, || ours_send_deflate(&mut conn, texts, &mut sink));
            (secs, allocs, sink, None)
        }
        BACKEND => {
            let mut sink = Sink::new(collect);
            let mut d = new_deflate();
            let mut scratch = Vec::new();
            let mut lens = verify.then(Vec::new);
            let ((), secs, allocs) =
                measure(verify, || backend_send(texts, takeover, &mut d, &mut scratch, &mut sink, lens.as_mut()));
            (secs, allocs, sink, lens)
        }
        _ => {
            use futures::SinkExt;
            let shared = Arc::new(Mutex::new(Sink::new(collect)));
            let response: &'static [u8] = Box::leak(response_101(takeover).into_bytes().into_boxed_slice());
            let mut ws = yawc_open(rt, response, takeover, shared.clone());
            // The handshake request went to the sink too: start afresh.
            *shared.lock().expect("sink") = Sink::new(collect);
            // Frames are built outside the timed part, as cheap slices of
            // one shared buffer (no copy).
            let frames: Vec<yawc::frame::Frame> =
                texts.ranges().map(|(a, b)| yawc::frame::Frame::text(texts.bytes.slice(a..b))).collect();
            let ((), secs, allocs) = measure(verify, || {
                rt.block_on(async {
                    for f in frames {
                        ws.feed(f).await.expect("yawc send");
                    }
                    ws.flush().await.expect("yawc flush");
                })
            });
            drop(ws);
            let sink = Arc::try_unwrap(shared).ok().expect("sink released").into_inner().expect("sink");
            (secs, allocs, sink, None)
        }
    };
    let wire = sink.bytes;
    let (outcome, payload) = match (&sink.collect, lens) {
        (Some(all), None) => {
            let (o, p) = check_sent_frames(all, imp == YAWC, takeover);
            (o, Some(p))
        }
        (Some(all), Some(lens)) => {
            let mut inflate = new_inflate();
            let mut buf = Vec::new();
            let (mut o, mut at) = (Outcome::default(), 0);
            for len in lens {
                let k = inflate_into(&mut inflate, &all[at..at + len], &mut buf);
                at += len;
                o.add(&buf[..k]);
                if !takeover {
                    inflate.reset(false);
                }
            }
            assert_eq!(at, all.len());
            (o, Some(at as u64))
        }
        (None, _) => (Outcome { messages: n, checksum: data.text_expect.checksum, wire: 0 }, None),
    };
    DSample { secs, allocs, outcome, wire, payload }
}

struct DRow {
    work: Work,
    id: &'static str,
    label: String,
    /// Rates per message (D1–D4) or per plaintext byte (D5).
    bytes: bool,
    secs: [Vec<f64>; 3],
    allocs: [Option<u64>; 3],
    /// Round 0's bytes written, and compressed payload bytes (send rows).
    wire: [Option<u64>; 3],
    payload: [Option<u64>; 3],
    on: [bool; 3],
}

fn fmt_rate(bytes: bool, amount: f64, secs: f64) -> String {
    if bytes {
        format!("{:.0} MB/s", amount / secs / 1e6)
    } else {
        format!("{:.3} M msg/s", amount / secs / 1e6)
    }
}

/// Runs the D rows that `wanted` selects with the implementations `impl_on`
/// selects, `rounds` timed rounds after a checking one, and prints their
/// table. `buf` is the 64 KiB read buffer.
pub fn run_all(
    rt: &Runtime,
    scale: f64,
    rounds: usize,
    buf: &mut [u8],
    wanted: &dyn Fn(&str) -> bool,
    impls: Option<&[String]>,
) {
    let specs = [(Work::D1, "D1"), (Work::D2, "D2"), (Work::D3, "D3"), (Work::D4, "D4"), (Work::D5, "D5")];
    if !specs.iter().any(|(_, id)| wanted(id)) {
        return;
    }
    let t = Instant::now();
    let data = DData::generate(scale);
    println!(
        "\npermessage-deflate input generated in {:.1} s: {} JSON-like texts ({:.0} B average), {} × 64 KiB \
         binaries",
        t.elapsed().as_secs_f64(),
        data.texts.ends.len(),
        data.text_plain as f64 / data.texts.ends.len() as f64,
        data.recv[2].expect.messages
    );
    let impl_on = |k: usize| impls.is_none_or(|l| l.iter().any(|x| x == NAMES[k]));
    let n_texts = data.texts.ends.len();
    let mut rows: Vec<DRow> = specs
        .into_iter()
        .filter(|(_, id)| wanted(id))
        .map(|(work, id)| {
            let ctx = if work.takeover() { "context takeover" } else { "no_context_takeover" };
            let label = match work {
                Work::D1 | Work::D2 => format!("recv {n_texts} × ~300 B JSON, {ctx}"),
                Work::D3 | Work::D4 => format!("send {n_texts} × ~300 B JSON, {ctx}"),
                Work::D5 => format!("recv {} × 64 KiB binary, {ctx}", data.recv[2].expect.messages),
            };
            DRow {
                work,
                id,
                label,
                bytes: work == Work::D5,
                secs: Default::default(),
                allocs: [None; 3],
                wire: [None; 3],
                payload: [None; 3],
                on: std::array::from_fn(impl_on),
            }
        })
        .collect();

    let started = Instant::now();
    for round in 0..=rounds {
        let verify = round == 0;
        if round == 1 {
            println!("D round 0 (checks, allocation counts) done in {:.1} s", started.elapsed().as_secs_f64());
        }
        for row in rows.iter_mut() {
            for j in 0..3 {
                let k = (j + round) % 3;
                if !row.on[k] {
                    continue;
                }
                let s = run_one(&data, rt, buf, row.work, k, verify);
                // Received bytes equal sent: every message, inflated, folds
                // into the generator's checksum.
                assert_eq!(
                    s.outcome,
                    data.expect(row.work),
                    "{} {}: {} did not deliver the same messages (round {round})",
                    row.id,
                    row.label,
                    NAMES[k]
                );
                if verify {
                    row.allocs[k] = Some(s.allocs);
                    row.payload[k] = s.payload;
                    row.wire[k] = Some(s.wire);
                } else {
                    assert_eq!(Some(s.wire), row.wire[k], "{} {}: bytes written changed", row.id, NAMES[k]);
                    row.secs[k].push(s.secs);
                }
            }
        }
    }

    println!(
        "\npermessage-deflate (RFC 7692), every implementation at level {LEVEL}, window bits {WINDOW_BITS} both \
         ways, mem level {MEM_LEVEL}:"
    );
    println!(
        "  backend = zlib-rs alone (Inflate/Deflate, sync flush, tail cut/fed, no framing, no UTF-8 check); \
         yawc 0.3 runs as the client (its server needs hyper), so it receives the same payloads unmasked and \
         sends masked"
    );
    let mut table = String::new();
    let _ = writeln!(
        table,
        "{:<3} {:<44} {:>15} {:>15} {:>15} {:>8} {:>7} {:>23} {:>16}",
        "", "workload", "wsproto", "backend", "yawc", "/backend", "×yawc", "size: wire/plain o/b/y", "allocs/msg o/b/y"
    );
    let _ = writeln!(table, "{}", "-".repeat(3 + 1 + 44 + 16 * 3 + 9 + 8 + 24 + 17));
    let mut verdicts = Vec::new();
    for row in &rows {
        let amount = if row.bytes { data.plain(row.work) as f64 } else { data.expect(row.work).messages as f64 };
        let med: [Option<f64>; 3] = std::array::from_fn(|k| median(&row.secs[k]));
        let cell = |k: usize| match med[k] {
            Some(s) => fmt_rate(row.bytes, amount, s),
            None if !row.on[k] => "skipped".into(),
            None => "n/a".into(),
        };
        // Our throughput over theirs: their time over ours.
        let ratio = |k: usize| match (med[OURS], med[k]) {
            (Some(o), Some(t)) => Some(t / o),
            _ => None,
        };
        let fmt_ratio = |r: Option<f64>| r.map_or("—".to_string(), |r| format!("{r:.2}×"));
        let plain = data.plain(row.work) as f64;
        let size = match data.set(row.work) {
            Some(set) => format!("input {:.3}", set.payloads.len() as f64 / plain),
            None => (0..3)
                .map(|k| row.wire[k].map_or("-".to_string(), |w| format!("{:.3}", w as f64 / plain)))
                .collect::<Vec<_>>()
                .join("/"),
        };
        let messages = data.expect(row.work).messages.max(1) as f64;
        let allocs = (0..3)
            .map(|k| match row.allocs[k].map(|a| a as f64 / messages) {
                None => "-".to_string(),
                Some(0.0) => "0".to_string(),
                Some(per) if per >= 0.1 => format!("{per:.1}"),
                Some(per) => format!("{per:.0e}"),
            })
            .collect::<Vec<_>>()
            .join("/");
        let _ = writeln!(
            table,
            "{:<3} {:<44} {:>15} {:>15} {:>15} {:>8} {:>7} {:>23} {:>16}",
            row.id,
            row.label,
            cell(OURS),
            cell(BACKEND),
            cell(YAWC),
            fmt_ratio(ratio(BACKEND)),
            fmt_ratio(ratio(YAWC)),
            size,
            allocs
        );
        if let Some(r) = ratio(BACKEND) {
            let ok = if r >= 0.9 { "MET" } else { "NOT MET" };
            verdicts.push(format!("    {} vs the backend alone: {r:.3}× (need ≥0.90×) {ok}", row.id));
        }
        if data.set(row.work).is_none() {
            let payload = (0..3)
                .map(|k| row.payload[k].map_or("-".to_string(), |p| format!("{:.4}", p as f64 / plain)))
                .collect::<Vec<_>>()
                .join("/");
            verdicts.push(format!("    {} compressed payload / plaintext, o/b/y: {payload}", row.id));
        }
    }
    let _ = writeln!(
        table,
        "/backend: our median throughput over the backend alone's; ×yawc: over yawc's (>1 = we are faster). \
         size: bytes written over plaintext bytes (send rows: frames for wsproto and yawc, bare payloads for the \
         backend; receive rows: the backend-made input, the same for all)."
    );
    print!("{table}");
    println!("targets (deflate):");
    for v in verdicts {
        println!("{v}");
    }
}
