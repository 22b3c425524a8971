//! Side-by-side benchmark: wsproto against tungstenite 0.30, fastwebsockets
//! 0.10 and websocket-sans-io 0.1, on byte-identical inputs, interleaved in
//! one process, each peer on its fastest documented path.
//!
//! ```text
//! cargo bench --bench compare
//! ```
//!
//! The bench profile (root `Cargo.toml`) is that of a typical shipped
//! release build: thin LTO and one codegen unit, for every crate in the
//! binary alike (ours and the peers are inlined across crates the same way).
//! It keeps `debug = true` for callgrind's symbols; debug info does not
//! change the code generated.
//!
//! Rows W1–W7 are plain WebSocket; D1–D5 are permessage-deflate against
//! yawc 0.3 and the zlib-rs backend alone, in their own table (see
//! `compare/deflate.rs`).
//!
//! Environment:
//!
//! - `WSPROTO_BENCH_ROUNDS` (default 7): timed rounds; the table shows the
//!   median of each row. An untimed round 0 comes first: it warms up, checks
//!   every implementation's output in full, and counts allocations.
//! - `WSPROTO_BENCH_SCALE` (default 1.0): multiplies every message count.
//! - `WSPROTO_BENCH_QUICK=1`: tiny counts and one round, a smoke test for CI.
//! - `WSPROTO_BENCH_ONLY=W1,W4,base`: run only these rows (`W1`…`W7`, `base`,
//!   `D1`…`D5`).
//! - `WSPROTO_BENCH_IMPLS=ours`: run only these implementations (`ours`,
//!   `tungstenite`, `fastwebsockets`, `sans-io`; in the D rows `ours`,
//!   `backend`, `yawc`), for profiling one of them.
//!
//! How each implementation is driven (every read returns at most 64 KiB,
//! copied from the wire bytes as a socket read would, and that copy is
//! timed; every write is copied into the sink in pieces of at most 64 KiB):
//!
//! - wsproto: `Connection::open_server`/`open_client`, whole messages
//!   (`Delivery::Messages`). Input goes through `read` in 64 KiB chunks copied
//!   into one reused buffer (W2: straight into `input_buffer`). Output is
//!   drained from `pending()` into the sink with `advance()` whenever 64 KiB
//!   or more is queued. W6: `Connection::server` → `Event::UpgradeRequest` →
//!   `accept` → `Sender::write_to`, a fresh connection per request.
//! - tungstenite: `WebSocket::from_raw_socket` (or `tungstenite::accept`) over
//!   [`MemStream`], a `Read + Write` stream that serves the wire bytes at most
//!   64 KiB per read and copies writes into the sink; `read()` → `Message`,
//!   `write()` + `flush()`. Its read and write buffers are set to 64 KiB, the
//!   size of a read: at the default 128 KiB every read zero-fills 128 KiB of
//!   buffer for 64 KiB of data (`read_in` resizes to the buffer's capacity).
//! - fastwebsockets: `WebSocket::after_handshake` over the same [`MemStream`]
//!   (it is also `AsyncRead + AsyncWrite`, always ready), run on a
//!   current-thread tokio runtime; `read_frame`, `FragmentCollector` for
//!   fragmented messages, `write_frame` + `flush` (vectored writes on, its
//!   default; UTF-8 with simdutf8, its default `simd` feature). The client
//!   (W5) masks in place in the caller's buffer (`Payload::BorrowedMut`); that
//!   buffer is restored, untimed, before each run so every run sends the
//!   same payloads. It has no server handshake without hyper (no W6).
//! - websocket-sans-io: a frame codec only; see `compare/sans_io.rs` for what
//!   the adapter adds (assembly, the checks a server must make, UTF-8) and
//!   why each piece is its cheapest path. No HTTP handshake (no W6).
//!
//! Every delivered message is folded into a checksum, and each run's message
//! count and checksum are compared with the generator's before any figure is
//! reported. Outgoing bytes are collected in round 0, parsed, unmasked and
//! checked the same way.

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::{self, IoSlice};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::task::{Context, Poll};
use std::time::Instant;
use wsproto::handshake::Negotiated;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::runtime::Runtime;
use wsproto::frame::apply_mask;
use wsproto::handshake::{AcceptOptions, Incoming, ServerConfig, ServerHandshake, Status};
use wsproto::{ChaChaRng, Config, Connection, Delivery, Event, Message, Sender};
use wsproto_testkit::alloc::{self, Counting};
use wsproto_testkit::{frames, http};

#[path = "compare/deflate.rs"]
mod deflate;
#[path = "compare/sans_io.rs"]
mod sans_io;

/// What a socket read returns at most, and the driver buffer's size.
const CHUNK: usize = 64 * 1024;
const MIB: usize = 1 << 20;
/// Message and frame limits for every implementation (the workloads need 1 MiB).
const LIMIT: usize = 16 * MIB;

// ---------------------------------------------------------------------------
// Counting allocator: off while timing, on for the allocation counts and the
// footprint (inside `alloc::measure`).

#[global_allocator]
static GLOBAL: Counting = Counting::gated();

/// This thread's CPU time in nanoseconds, from `/proc/thread-self/schedstat`
/// (Linux). The yield first makes the scheduler bring the figure up to date;
/// without it the figure lags by up to a scheduler tick.
fn thread_cpu_ns() -> Option<u64> {
    std::thread::yield_now();
    std::fs::read_to_string("/proc/thread-self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
}

/// Which clock the table uses: the thread's CPU time (default where
/// available: on a shared machine it leaves out the time other processes
/// hold the core), or wall-clock time (`WSPROTO_BENCH_CLOCK=wall`).
static CPU_CLOCK: AtomicBool = AtomicBool::new(false);
/// Totals over all timed sections, for the header: wall and CPU nanoseconds.
static WALL_TOTAL: AtomicU64 = AtomicU64::new(0);
static CPU_TOTAL: AtomicU64 = AtomicU64::new(0);

struct Stopwatch {
    wall: Instant,
    cpu: Option<u64>,
}

impl Stopwatch {
    fn start() -> Stopwatch {
        let cpu = if CPU_CLOCK.load(Relaxed) { thread_cpu_ns() } else { None };
        Stopwatch { wall: Instant::now(), cpu }
    }

    /// Seconds on the chosen clock.
    fn stop(self) -> f64 {
        let wall = self.wall.elapsed();
        let cpu = self.cpu.and_then(|c0| Some(thread_cpu_ns()?.saturating_sub(c0)));
        WALL_TOTAL.fetch_add(wall.as_nanos() as u64, Relaxed);
        match cpu {
            Some(ns) => {
                CPU_TOTAL.fetch_add(ns, Relaxed);
                ns as f64 / 1e9
            }
            None => wall.as_secs_f64(),
        }
    }
}

/// Runs `f`, timing it; with `count`, also counts the allocations it makes.
fn measure<T>(count: bool, f: impl FnOnce() -> T) -> (T, f64, u64) {
    // The stopwatch reads its clock from /proc, which allocates: it runs
    // outside the counted region, so only the workload's allocations count.
    let watch = Stopwatch::start();
    if count {
        let (value, usage) = alloc::measure(f);
        (value, watch.stop(), usage.calls)
    } else {
        let value = f();
        (value, watch.stop(), 0)
    }
}

// ---------------------------------------------------------------------------
// Deterministic input.

/// SplitMix64.
struct Prng(u64);

impl Prng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn key(&mut self) -> [u8; 4] {
        (self.next() as u32).to_le_bytes()
    }

    fn fill(&mut self, buf: &mut [u8]) {
        let mut chunks = buf.chunks_exact_mut(8);
        for c in &mut chunks {
            c.copy_from_slice(&self.next().to_le_bytes());
        }
        let tail = self.next().to_le_bytes();
        let rest = chunks.into_remainder();
        let n = rest.len();
        rest.copy_from_slice(&tail[..n]);
    }
}

/// Encodes one frame (the test kit's encoder, independent of the crate
/// under test).
fn push_frame(wire: &mut Vec<u8>, fin: bool, opcode: u8, payload: &[u8], key: Option<[u8; 4]>) {
    frames::push_frame(wire, frames::first_byte(fin, 0, opcode), payload, key);
}

fn frame_len(payload: usize, masked: bool) -> u64 {
    frames::frame_len(payload, masked) as u64
}

/// One random character of 2, 3 or 4 bytes in UTF-8.
fn multibyte_char(rng: &mut Prng, width: usize) -> char {
    loop {
        let cp = match width {
            2 => 0x80 + rng.below(0x800 - 0x80),
            3 => 0x800 + rng.below(0x1_0000 - 0x800),
            _ => 0x1_0000 + rng.below(0x11_0000 - 0x1_0000),
        } as u32;
        if let Some(c) = char::from_u32(cp) {
            return c;
        }
    }
}

/// `len` bytes of multi-byte UTF-8 (ASCII only to pad the last byte).
fn utf8_text(rng: &mut Prng, len: usize) -> String {
    let mut s = String::with_capacity(len);
    while s.len() < len {
        let left = len - s.len();
        let width = match left {
            1 => 1,
            2 | 3 => left,
            _ => 2 + rng.below(3) as usize,
        };
        if width == 1 {
            s.push(char::from(b'a' + rng.below(26) as u8));
        } else {
            s.push(multibyte_char(rng, width));
        }
    }
    s
}

/// A fast fold of a message's bytes: its length plus the sum of its
/// little-endian 64-bit words (vectorizes to `paddq`).
#[inline]
fn fold(data: &[u8]) -> u64 {
    (data.len() as u64).wrapping_add(fold_at(data, 0))
}

/// The word sum of `data` when it starts at byte `offset` of its message,
/// so that a message delivered in pieces folds to the same value.
#[inline]
fn fold_at(data: &[u8], offset: usize) -> u64 {
    let head = ((8 - offset % 8) % 8).min(data.len());
    let mut s = 0u64;
    for (i, &b) in data[..head].iter().enumerate() {
        s = s.wrapping_add(u64::from(b) << (8 * ((offset + i) % 8)));
    }
    let mut chunks = data[head..].chunks_exact(8);
    for c in &mut chunks {
        s = s.wrapping_add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        s = s.wrapping_add(u64::from(b) << (8 * i));
    }
    s
}

/// What a run did: messages delivered (or sent), their checksum, and the
/// wire bytes written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Outcome {
    messages: u64,
    checksum: u64,
    wire: u64,
}

impl Outcome {
    #[inline]
    fn add(&mut self, payload: &[u8]) {
        self.add_folded(fold(payload));
    }

    #[inline]
    fn add_folded(&mut self, folded: u64) {
        self.messages += 1;
        self.checksum = self.checksum.rotate_left(1) ^ folded;
    }
}

/// Parses frames written by a sender (with the test kit's independent
/// parser): whole data frames only, masked or not as expected. Returns the
/// messages and checksum of the unmasked payloads.
fn parse_output(out: &[u8], masked: bool) -> Outcome {
    let mut o = Outcome { wire: out.len() as u64, ..Outcome::default() };
    for f in frames::frames(out) {
        assert!(f.fin && matches!(f.opcode, 1 | 2), "not a whole data frame: {f:?}");
        assert_eq!(f.mask.is_some(), masked, "mask bit");
        if f.opcode == 1 {
            std::str::from_utf8(&f.payload).expect("text frame is UTF-8");
        }
        o.add(&f.payload);
    }
    o
}

/// A received-message workload: the wire bytes and what must come out.
struct Recv {
    wire: Vec<u8>,
    expect: Outcome,
}

struct Data {
    /// W1: 16-byte masked text messages.
    w1: Recv,
    /// W2: 1 MiB masked binary messages (the payloads of `large`).
    w2: Recv,
    /// W3: 256-byte multi-byte text messages in 4 fragments.
    w3: Recv,
    /// W4 small: the texts, `small_n` slices of 16 bytes.
    small: String,
    small_bytes: tungstenite::Bytes,
    small_n: usize,
    small_expect: Outcome,
    /// W4 large, W5: `large_n` binary messages of 1 MiB.
    large: tungstenite::Bytes,
    /// A mutable copy for the peers' in-place client masking (restored
    /// from `large` before each run).
    large_mut: Vec<u8>,
    large_n: usize,
    large_expect: Outcome,
    /// W6: a Chromium upgrade request, and the accept value it must get.
    request: Vec<u8>,
    handshakes: usize,
}

/// The upgrade request a current Chromium sends (Chromium 156 on Debian,
/// captured byte for byte from `new WebSocket("ws://127.0.0.1:9273/chat")`
/// on a page of the same origin; only the User-Agent's `HeadlessChrome`
/// is spelled `Chrome`, as a browser with a window sends it): 13 header
/// fields, 499 bytes, with CRLF, and a permessage-deflate offer that every
/// server here declines (none has it configured), so all do the same work.
const REQUEST: &str = "GET /chat HTTP/1.1\r\n\
Host: 127.0.0.1:9273\r\n\
Connection: Upgrade\r\n\
Pragma: no-cache\r\n\
Cache-Control: no-cache\r\n\
User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36\r\n\
Upgrade: websocket\r\n\
Origin: http://127.0.0.1:9273\r\n\
Sec-WebSocket-Version: 13\r\n\
Accept-Encoding: gzip, deflate, br, zstd\r\n\
Accept-Language: en-US,en;q=0.9\r\n\
Sec-WebSocket-Key: LwYZNEjqMWL8zuDhrPH+tw==\r\n\
Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\
\r\n";
/// base64(SHA-1(key + the RFC 6455 GUID)), computed independently.
const ACCEPT: &str = "TiKqTVR015lqlJX4CEU5psbYPxg=";

fn scaled(n: usize, scale: f64, min: usize) -> usize {
    ((n as f64 * scale).round() as usize).max(min)
}

impl Data {
    fn generate(scale: f64) -> Data {
        let mut rng = Prng(0x5EED_0F57_5070_7070);

        // W1 and W4 small share the 16-byte printable-ASCII texts.
        let small_n = scaled(1_000_000, scale, 100);
        let small: String = (0..small_n * 16).map(|_| char::from(0x20 + rng.below(0x5F) as u8)).collect();
        let mut w1 = Vec::with_capacity(small_n * 22);
        let mut small_expect = Outcome::default();
        for text in small.as_bytes().chunks(16) {
            push_frame(&mut w1, true, 0x1, text, Some(rng.key()));
            small_expect.add(text);
        }
        small_expect.wire = small_n as u64 * frame_len(16, false);
        let w1 = Recv { wire: w1, expect: Outcome { wire: 0, ..small_expect } };

        // W2, W4 large and W5 share the 1 MiB binary payloads.
        let large_n = scaled(256, scale, 2);
        let mut large = vec![0u8; large_n * MIB];
        rng.fill(&mut large);
        let mut w2 = Vec::with_capacity(large_n * (MIB + 14));
        let mut large_expect = Outcome::default();
        for payload in large.chunks(MIB) {
            push_frame(&mut w2, true, 0x2, payload, Some(rng.key()));
            large_expect.add(payload);
        }
        large_expect.wire = large_n as u64 * frame_len(MIB, false);
        let w2 = Recv { wire: w2, expect: Outcome { wire: 0, ..large_expect } };

        // W3: 256 bytes of 2-, 3- and 4-byte characters, in 4 fragments cut
        // inside characters near 64, 128 and 192.
        let w3_n = scaled(100_000, scale, 100);
        let mut w3 = Vec::with_capacity(w3_n * (256 + 24));
        let mut w3_expect = Outcome::default();
        for _ in 0..w3_n {
            let text = utf8_text(&mut rng, 256);
            let mut cuts = [0usize; 5];
            cuts[4] = text.len();
            for (k, target) in [64usize, 128, 192].into_iter().enumerate() {
                let p = (target..text.len()).find(|&p| !text.is_char_boundary(p)).expect("a cut inside a character");
                cuts[k + 1] = p;
            }
            for k in 0..4 {
                let opcode = if k == 0 { 0x1 } else { 0x0 };
                push_frame(&mut w3, k == 3, opcode, &text.as_bytes()[cuts[k]..cuts[k + 1]], Some(rng.key()));
            }
            w3_expect.add(text.as_bytes());
        }
        let w3 = Recv { wire: w3, expect: w3_expect };

        Data {
            w1,
            w2,
            w3,
            small_bytes: tungstenite::Bytes::from(small.clone().into_bytes()),
            small,
            small_n,
            small_expect,
            large_mut: large.clone(),
            large: tungstenite::Bytes::from(large),
            large_n,
            large_expect,
            request: REQUEST.as_bytes().to_vec(),
            handshakes: scaled(100_000, scale, 20),
        }
    }
}

// ---------------------------------------------------------------------------
// In-memory transport.

/// Where written bytes go: copied into a reused 64 KiB buffer (the copy a
/// socket write makes), or collected whole in the checking round.
struct Sink {
    scratch: Vec<u8>,
    bytes: u64,
    collect: Option<Vec<u8>>,
}

impl Sink {
    fn new(collect: Option<usize>) -> Sink {
        Sink { scratch: vec![0; CHUNK], bytes: 0, collect: collect.map(Vec::with_capacity) }
    }

    #[inline]
    fn write(&mut self, data: &[u8]) {
        match &mut self.collect {
            Some(all) => all.extend_from_slice(data),
            None => {
                for piece in data.chunks(CHUNK) {
                    self.scratch[..piece.len()].copy_from_slice(piece);
                    // Each copy is observed: where the length is known at
                    // compile time (a 1 MiB payload written whole), the
                    // optimiser would otherwise keep only the last of the
                    // copies into the same scratch buffer.
                    black_box(&mut self.scratch);
                }
            }
        }
        self.bytes += data.len() as u64;
    }
}

/// A stream over wire bytes: reads return at most 64 KiB, copied; writes go
/// to the sink. Both `std::io` and tokio flavours, always ready.
struct MemStream<'a> {
    input: &'a [u8],
    pos: usize,
    sink: &'a mut Sink,
}

impl<'a> MemStream<'a> {
    fn new(input: &'a [u8], sink: &'a mut Sink) -> MemStream<'a> {
        MemStream { input, pos: 0, sink }
    }

    #[inline]
    fn next_chunk(&mut self, room: usize) -> &'a [u8] {
        let n = room.min(CHUNK).min(self.input.len() - self.pos);
        let piece = &self.input[self.pos..self.pos + n];
        self.pos += n;
        piece
    }
}

impl io::Read for MemStream<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let piece = self.next_chunk(buf.len());
        buf[..piece.len()].copy_from_slice(piece);
        Ok(piece.len())
    }
}

impl io::Write for MemStream<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.sink.write(buf);
        Ok(buf.len())
    }

    fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        let mut n = 0;
        for b in bufs {
            self.sink.write(b);
            n += b.len();
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl AsyncRead for MemStream<'_> {
    fn poll_read(self: Pin<&mut Self>, _: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let piece = this.next_chunk(buf.remaining());
        buf.put_slice(piece);
        Poll::Ready(Ok(()))
    }
}

impl AsyncWrite for MemStream<'_> {
    fn poll_write(self: Pin<&mut Self>, _: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Poll::Ready(io::Write::write(self.get_mut(), buf))
    }

    fn poll_write_vectored(self: Pin<&mut Self>, _: &mut Context<'_>, bufs: &[IoSlice<'_>]) -> Poll<io::Result<usize>> {
        Poll::Ready(io::Write::write_vectored(self.get_mut(), bufs))
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

// ---------------------------------------------------------------------------
// Configurations.

fn our_config() -> Config {
    let mut config = Config::default();
    config.max_frame_size = LIMIT as u64;
    config.max_message_size = LIMIT;
    config.delivery = Delivery::Messages;
    config
}

/// tungstenite's buffers at the read size (see the module docs).
fn tung_config() -> tungstenite::protocol::WebSocketConfig {
    tungstenite::protocol::WebSocketConfig::default()
        .max_message_size(Some(LIMIT))
        .max_frame_size(Some(LIMIT))
        .read_buffer_size(CHUNK)
        .write_buffer_size(CHUNK)
}

fn fws_setup<S>(ws: &mut fastwebsockets::WebSocket<S>) {
    ws.set_auto_close(true);
    ws.set_auto_pong(true);
    ws.set_max_message_size(LIMIT + 1);
}

// ---------------------------------------------------------------------------
// The workloads, per implementation.

const OURS: usize = 0;
const TUNG: usize = 1;
const FWS: usize = 2;
const WSI: usize = 3;
/// How many implementations the W rows compare.
const IMPLS: usize = 4;
const IMPL_NAMES: [&str; IMPLS] = ["ours", "tungstenite", "fastwebsockets", "sans-io"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Work {
    W1,
    W2,
    W2Read,
    W2Chunks,
    W3,
    W4Small,
    W4Large,
    W5,
    W6,
    W6Standalone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    /// Messages per second.
    Msgs,
    /// Payload bytes per second.
    Bytes,
    /// Handshakes per second.
    Handshakes,
}

struct Row {
    work: Work,
    id: &'static str,
    label: String,
    unit: Unit,
    /// Messages, payload bytes or handshakes per run.
    amount: f64,
    /// Which implementations run it (or why not).
    na: [Option<&'static str>; IMPLS],
    secs: [Vec<f64>; IMPLS],
    allocs: [Option<u64>; IMPLS],
    /// Messages per run, for allocations per message.
    messages: u64,
}

struct Sample {
    secs: f64,
    allocs: u64,
    outcome: Outcome,
}

struct Ctx<'d> {
    data: &'d mut Data,
    rt: Runtime,
    buf: Vec<u8>,
    /// websocket-sans-io's reused output buffer (W4 small).
    out: Vec<u8>,
}

/// Feeds `wire` through `conn.read` in 64 KiB chunks copied into `buf`.
/// (Not inlined: a named entry point for `callgrind --toggle-collect`.)
#[inline(never)]
fn ours_recv(conn: &mut Connection, wire: &[u8], buf: &mut [u8]) -> Outcome {
    let mut out = Outcome::default();
    for chunk in wire.chunks(CHUNK) {
        let buf = &mut buf[..chunk.len()];
        buf.copy_from_slice(chunk);
        let mut start = 0;
        loop {
            let read = conn.read(&mut buf[start..]).expect("wsproto read");
            start += read.consumed;
            match read.event {
                None => break,
                Some(Event::Message(m)) => out.add(m.as_bytes()),
                Some(other) => panic!("unexpected event {other:?}"),
            }
        }
        assert_eq!(start, buf.len(), "read leaves nothing behind without an event");
    }
    out
}

/// Like [`ours_recv`], but each 64 KiB piece is copied straight into the
/// connection's own input buffer (`input_buffer`, as a socket read would),
/// where an unfragmented binary frame stays until it is whole and is then
/// delivered in place: one copy per byte, as the peers make.
#[inline(never)]
fn ours_recv_buffered(conn: &mut Connection, wire: &[u8]) -> Outcome {
    let mut out = Outcome::default();
    for chunk in wire.chunks(CHUNK) {
        conn.input_buffer(chunk.len())[..chunk.len()].copy_from_slice(chunk);
        conn.input_written(chunk.len()).expect("input_written");
        loop {
            match conn.poll().expect("wsproto poll").event {
                None => break,
                Some(Event::Message(m)) => out.add(m.as_bytes()),
                Some(other) => panic!("unexpected event {other:?}"),
            }
        }
    }
    out
}

/// Like [`ours_recv`], with `Delivery::Chunks`: each message is folded piece
/// by piece as it streams through, never assembled.
#[inline(never)]
fn ours_recv_chunks(conn: &mut Connection, wire: &[u8], buf: &mut [u8]) -> Outcome {
    let mut out = Outcome::default();
    let (mut sum, mut offset) = (0u64, 0usize);
    for chunk in wire.chunks(CHUNK) {
        let buf = &mut buf[..chunk.len()];
        buf.copy_from_slice(chunk);
        let mut start = 0;
        loop {
            let read = conn.read(&mut buf[start..]).expect("wsproto read");
            start += read.consumed;
            match read.event {
                None => break,
                Some(Event::Chunk(c)) => {
                    if c.first {
                        (sum, offset) = (0, 0);
                    }
                    sum = sum.wrapping_add(fold_at(c.data, offset));
                    offset += c.data.len();
                    if c.last {
                        out.add_folded((offset as u64).wrapping_add(sum));
                    }
                }
                Some(other) => panic!("unexpected event {other:?}"),
            }
        }
        assert_eq!(start, buf.len(), "read leaves nothing behind without an event");
    }
    out
}

/// Moves what is pending into the sink.
#[inline]
fn drain(sender: &mut Sender, sink: &mut Sink) {
    let n = sender.pending_len();
    sink.write(sender.pending());
    sender.advance(n).expect("advance");
}

/// Queues `n` messages (16-byte texts or 1 MiB binaries), draining the
/// queue into the sink whenever 64 KiB or more is pending. A 1 MiB binary
/// takes the large-message path, `Sender::send_borrowed`: only its header
/// is queued, and the queue and the caller's payload go out as one
/// vectored write (a server), or the payload is masked into a reused
/// 16 KiB segment as it goes out (a client).
#[inline(always)]
fn ours_send(conn: &mut Connection, n: usize, large: bool, texts: &[&str], large_bytes: &[u8], sink: &mut Sink) {
    let sender = conn.sender();
    for i in 0..n {
        if large {
            let mut send = sender.send_borrowed(Message::Binary(&large_bytes[i * MIB..(i + 1) * MIB])).expect("send");
            while send.remaining() > 0 {
                let [queued, payload] = send.parts();
                sink.write(queued);
                sink.write(payload);
                let written = queued.len() + payload.len();
                send.advance(written).expect("advance");
            }
            continue;
        }
        sender.send_text(texts[i]).expect("send");
        if sender.pending_len() >= CHUNK {
            drain(sender, sink);
        }
    }
    drain(sender, sink);
}

/// W4a, W4b and W5 under their own names, for `callgrind --toggle-collect`
/// (`compare::ours_send_small`, `compare::ours_send_large`).
#[inline(never)]
fn ours_send_small(conn: &mut Connection, texts: &[&str], sink: &mut Sink) {
    ours_send(conn, texts.len(), false, texts, &[], sink);
}

#[inline(never)]
fn ours_send_large(conn: &mut Connection, n: usize, large_bytes: &[u8], sink: &mut Sink) {
    ours_send(conn, n, true, &[], large_bytes, sink);
}

#[inline(never)]
fn run_recv(ctx: &mut Ctx<'_>, imp: usize, recv: &Recv, fragmented: bool, verify: bool) -> Sample {
    let n = recv.expect.messages;
    let wire = &recv.wire[..];
    match imp {
        OURS => {
            let mut conn = Connection::open_server(our_config(), Negotiated::default()).unwrap();
            let buf = &mut ctx.buf;
            let (outcome, secs, allocs) = measure(verify, || ours_recv(&mut conn, wire, buf));
            Sample { secs, allocs, outcome }
        }
        TUNG => {
            use tungstenite::{protocol::Role, Message, WebSocket};
            let mut sink = Sink::new(None);
            let mut ws = WebSocket::from_raw_socket(MemStream::new(wire, &mut sink), Role::Server, Some(tung_config()));
            let (outcome, secs, allocs) = measure(verify, || {
                let mut out = Outcome::default();
                for _ in 0..n {
                    match ws.read().expect("tungstenite read") {
                        Message::Text(t) => out.add(t.as_bytes()),
                        Message::Binary(b) => out.add(&b),
                        other => panic!("unexpected {other:?}"),
                    }
                }
                out
            });
            Sample { secs, allocs, outcome }
        }
        WSI => {
            let mut rx = sans_io::Receiver::new();
            let buf = &mut ctx.buf;
            let (outcome, secs, allocs) = measure(verify, || sans_io::recv(&mut rx, wire, buf));
            Sample { secs, allocs, outcome }
        }
        _ => {
            use fastwebsockets::{FragmentCollector, OpCode, Role, WebSocket};
            let mut sink = Sink::new(None);
            let mut ws = WebSocket::after_handshake(MemStream::new(wire, &mut sink), Role::Server);
            fws_setup(&mut ws);
            let rt = &ctx.rt;
            let (outcome, secs, allocs) = if fragmented {
                let mut ws = FragmentCollector::new(ws);
                measure(verify, || {
                    rt.block_on(async {
                        let mut out = Outcome::default();
                        for _ in 0..n {
                            let frame = ws.read_frame().await.expect("fastwebsockets read");
                            assert!(frame.fin && matches!(frame.opcode, OpCode::Text | OpCode::Binary));
                            out.add(&frame.payload);
                        }
                        out
                    })
                })
            } else {
                // Unfragmented input: the plain reader, their fastest path.
                measure(verify, || {
                    rt.block_on(async {
                        let mut out = Outcome::default();
                        for _ in 0..n {
                            let frame = ws.read_frame().await.expect("fastwebsockets read");
                            assert!(frame.fin && matches!(frame.opcode, OpCode::Text | OpCode::Binary));
                            out.add(&frame.payload);
                        }
                        out
                    })
                })
            };
            Sample { secs, allocs, outcome }
        }
    }
}

/// W4 and W5. `client` masks (W5, binary only).
#[inline(never)]
fn run_send(ctx: &mut Ctx<'_>, imp: usize, large: bool, client: bool, verify: bool) -> Sample {
    let data = &mut *ctx.data;
    let (n, size, expect) =
        if large { (data.large_n, MIB, data.large_expect) } else { (data.small_n, 16, data.small_expect) };
    let wire = n as u64 * frame_len(size, client);
    let mut sink = Sink::new(verify.then_some(wire as usize));
    if client && matches!(imp, FWS | WSI) {
        // Masked in place by the last run: the same payloads again (untimed).
        data.large_mut.copy_from_slice(&data.large);
    }
    // The 16-byte texts as `&str`s, cut outside the timed part (as
    // tungstenite's messages are), so no sender pays for the slicing (a
    // `&str` range checks both ends for character boundaries).
    let texts: Vec<&str> = if large { Vec::new() } else { (0..n).map(|i| &data.small[i * 16..i * 16 + 16]).collect() };
    let (secs, allocs) = match imp {
        OURS => {
            let mut conn = if client {
                Connection::open_client(our_config(), Negotiated::default(), ChaChaRng::from_seed([7; 32])).unwrap()
            } else {
                Connection::open_server(our_config(), Negotiated::default()).unwrap()
            };
            let large_bytes = &data.large[..];
            let ((), secs, allocs) = measure(verify, || {
                if large {
                    ours_send_large(&mut conn, n, large_bytes, &mut sink)
                } else {
                    ours_send_small(&mut conn, &texts, &mut sink)
                }
            });
            (secs, allocs)
        }
        TUNG => {
            use tungstenite::{protocol::Role, Message, Utf8Bytes, WebSocket};
            // Messages are built outside the timed part, as cheap slices of
            // one shared buffer (no copy): the most favourable way to feed it.
            let msgs: Vec<Message> = if large {
                (0..n).map(|i| Message::Binary(data.large.slice(i * MIB..(i + 1) * MIB))).collect()
            } else {
                (0..n)
                    .map(|i| {
                        let text = Utf8Bytes::try_from(data.small_bytes.slice(i * 16..i * 16 + 16)).expect("utf-8");
                        Message::Text(text)
                    })
                    .collect()
            };
            let role = if client { Role::Client } else { Role::Server };
            let mut ws = WebSocket::from_raw_socket(MemStream::new(&[], &mut sink), role, Some(tung_config()));
            let ((), secs, allocs) = measure(verify, || {
                for m in msgs {
                    ws.write(m).expect("tungstenite write");
                }
                ws.flush().expect("tungstenite flush");
            });
            (secs, allocs)
        }
        WSI => {
            let large_bytes = &data.large[..];
            let large_mut = &mut data.large_mut;
            let out = &mut ctx.out;
            let mut rng = ChaChaRng::from_seed([7; 32]);
            let ((), secs, allocs) = measure(verify, || {
                if client {
                    sans_io::send_masked(large_mut, &mut rng, &mut sink)
                } else {
                    sans_io::send(n, large, &texts, large_bytes, out, &mut sink)
                }
            });
            (secs, allocs)
        }
        _ => {
            use fastwebsockets::{Frame, Payload, Role, WebSocket};
            let role = if client { Role::Client } else { Role::Server };
            let mut ws = WebSocket::after_handshake(MemStream::new(&[], &mut sink), role);
            fws_setup(&mut ws);
            let rt = &ctx.rt;
            let large_bytes = &data.large[..];
            let large_mut = &mut data.large_mut;
            let texts = &texts;
            let ((), secs, allocs) = measure(verify, || {
                rt.block_on(async {
                    if client {
                        // Masked in place in the caller's buffer: their fastest path.
                        for chunk in large_mut.chunks_mut(MIB) {
                            ws.write_frame(Frame::binary(Payload::BorrowedMut(chunk))).await.expect("write");
                        }
                    } else {
                        for i in 0..n {
                            let frame = if large {
                                Frame::binary(Payload::Borrowed(&large_bytes[i * MIB..(i + 1) * MIB]))
                            } else {
                                Frame::text(Payload::Borrowed(texts[i].as_bytes()))
                            };
                            ws.write_frame(frame).await.expect("write");
                        }
                    }
                    ws.flush().await.expect("flush");
                })
            });
            (secs, allocs)
        }
    };
    // Round 0 parses and unmasks everything written; timed rounds check the
    // count and the number of bytes.
    let outcome = match &sink.collect {
        Some(all) => parse_output(all, client),
        None => Outcome { messages: n as u64, checksum: expect.checksum, wire: sink.bytes },
    };
    Sample { secs, allocs, outcome }
}

/// Checks a collected run of 101 responses; returns how many there are.
/// Each must decline the extension offer (no server here has
/// permessage-deflate configured), so every server did the same work.
fn check_responses(out: &[u8]) -> u64 {
    let text = std::str::from_utf8(out).expect("responses are ASCII");
    let mut n = 0;
    for head in text.split_terminator("\r\n\r\n") {
        assert!(head.starts_with("HTTP/1.1 101 "), "not a 101: {head}");
        let accept = http::head_header(head.as_bytes(), "Sec-WebSocket-Accept").expect("Sec-WebSocket-Accept");
        assert_eq!(accept, ACCEPT);
        assert!(http::head_header(head.as_bytes(), "Sec-WebSocket-Extensions").is_none(), "{head}");
        n += 1;
    }
    n
}

/// `n` server handshakes, each on a fresh connection: `Connection::server`,
/// `read` → `Event::UpgradeRequest`, `accept`, `Sender::write_to` (the
/// request copied in as a socket read would).
#[inline(never)]
fn ours_handshakes(n: usize, request: &[u8], buf: &mut [u8], sink: &mut Sink) {
    let options = AcceptOptions::new();
    for _ in 0..n {
        let mut conn = Connection::server(Config::default(), ServerConfig::new());
        buf.copy_from_slice(request);
        let read = conn.read(buf).expect("upgrade request");
        assert!(read.consumed == request.len() && matches!(read.event, Some(Event::UpgradeRequest(_))));
        conn.accept(&options).expect("accept");
        let mut socket = MemStream::new(&[], sink);
        conn.sender().write_to(&mut socket).expect("write_to");
    }
}

/// `n` server handshakes through `handshake::ServerHandshake` and
/// `UpgradeRequest::accept`, without a `Connection`.
#[inline(never)]
fn ours_standalone_handshakes(n: usize, request: &[u8], buf: &mut [u8], sink: &mut Sink) {
    let options = AcceptOptions::new();
    for _ in 0..n {
        let mut handshake = ServerHandshake::new(ServerConfig::new());
        buf.copy_from_slice(request);
        match handshake.parse(buf).expect("upgrade request") {
            Status::Complete { value: Incoming::WebSocket(upgrade), .. } => {
                let (response, _) = upgrade.accept(&options).expect("accept");
                sink.write(&response);
            }
            _ => panic!("not a complete upgrade request"),
        }
    }
}

#[inline(never)]
fn run_handshakes(ctx: &mut Ctx<'_>, imp: usize, standalone: bool, verify: bool) -> Sample {
    let n = ctx.data.handshakes;
    let request = &ctx.data.request[..];
    let mut sink = Sink::new(verify.then_some(n * 512));
    let buf = &mut ctx.buf[..request.len()];
    let ((), secs, allocs) = match (imp, standalone) {
        (OURS, false) => measure(verify, || ours_handshakes(n, request, buf, &mut sink)),
        (OURS, true) => measure(verify, || ours_standalone_handshakes(n, request, buf, &mut sink)),
        (TUNG, _) => measure(verify, || {
            for _ in 0..n {
                // With the same configuration as every other row (64 KiB
                // buffers, the limits); `accept` would size them at 128 KiB.
                match tungstenite::accept_with_config(MemStream::new(request, &mut sink), Some(tung_config())) {
                    Ok(ws) => drop(black_box(ws)),
                    Err(_) => panic!("tungstenite handshake failed"),
                }
            }
        }),
        _ => unreachable!("only ours and tungstenite have a server handshake over a plain stream"),
    };
    let messages = match &sink.collect {
        Some(all) => check_responses(all),
        None => n as u64,
    };
    Sample { secs, allocs, outcome: Outcome { messages, checksum: 0, wire: 0 } }
}

fn run(ctx: &mut Ctx<'_>, work: Work, imp: usize, verify: bool) -> Sample {
    // The workloads borrow the data mutably only for fastwebsockets' W5
    // masking; receive workloads take the wire by pointer first.
    match work {
        Work::W2 if imp == OURS => {
            let recv = std::mem::replace(&mut ctx.data.w2, Recv { wire: Vec::new(), expect: Outcome::default() });
            let mut conn = Connection::open_server(our_config(), Negotiated::default()).unwrap();
            let (outcome, secs, allocs) = measure(verify, || ours_recv_buffered(&mut conn, &recv.wire));
            ctx.data.w2 = recv;
            Sample { secs, allocs, outcome }
        }
        Work::W2Read => {
            let recv = std::mem::replace(&mut ctx.data.w2, Recv { wire: Vec::new(), expect: Outcome::default() });
            let mut conn = Connection::open_server(our_config(), Negotiated::default()).unwrap();
            let buf = &mut ctx.buf;
            let (outcome, secs, allocs) = measure(verify, || ours_recv(&mut conn, &recv.wire, buf));
            ctx.data.w2 = recv;
            Sample { secs, allocs, outcome }
        }
        Work::W2Chunks => {
            let recv = std::mem::replace(&mut ctx.data.w2, Recv { wire: Vec::new(), expect: Outcome::default() });
            let mut config = our_config();
            config.delivery = Delivery::Chunks;
            let mut conn = Connection::open_server(config, Negotiated::default()).unwrap();
            let buf = &mut ctx.buf;
            let (outcome, secs, allocs) = measure(verify, || ours_recv_chunks(&mut conn, &recv.wire, buf));
            ctx.data.w2 = recv;
            Sample { secs, allocs, outcome }
        }
        Work::W1 | Work::W2 | Work::W3 => {
            let recv = match work {
                Work::W1 => std::mem::replace(&mut ctx.data.w1, Recv { wire: Vec::new(), expect: Outcome::default() }),
                Work::W2 => std::mem::replace(&mut ctx.data.w2, Recv { wire: Vec::new(), expect: Outcome::default() }),
                _ => std::mem::replace(&mut ctx.data.w3, Recv { wire: Vec::new(), expect: Outcome::default() }),
            };
            let sample = run_recv(ctx, imp, &recv, work == Work::W3, verify);
            match work {
                Work::W1 => ctx.data.w1 = recv,
                Work::W2 => ctx.data.w2 = recv,
                _ => ctx.data.w3 = recv,
            }
            sample
        }
        Work::W4Small => run_send(ctx, imp, false, false, verify),
        Work::W4Large => run_send(ctx, imp, true, false, verify),
        Work::W5 => run_send(ctx, imp, true, true, verify),
        Work::W6 => run_handshakes(ctx, imp, false, verify),
        Work::W6Standalone => run_handshakes(ctx, imp, true, verify),
    }
}

fn expected(data: &Data, work: Work) -> Outcome {
    match work {
        Work::W1 => data.w1.expect,
        Work::W2 | Work::W2Read | Work::W2Chunks => data.w2.expect,
        Work::W3 => data.w3.expect,
        Work::W4Small => data.small_expect,
        Work::W4Large => data.large_expect,
        Work::W5 => Outcome { wire: data.large_n as u64 * frame_len(MIB, true), ..data.large_expect },
        Work::W6 | Work::W6Standalone => Outcome { messages: data.handshakes as u64, checksum: 0, wire: 0 },
    }
}

// ---------------------------------------------------------------------------
// Baselines: the same bytes as W2.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Base {
    Memcpy,
    MemcpyFold,
    MemcpyMask,
    XorBytewise,
    ApplyMask,
}

const BASES: [(Base, &str); 5] = [
    (Base::Memcpy, "memcpy: 64 KiB chunks → reused buffer"),
    (Base::MemcpyFold, "memcpy + checksum fold"),
    (Base::MemcpyMask, "memcpy + apply_mask"),
    (Base::XorBytewise, "XOR byte loop, in place, hot 64 KiB"),
    (Base::ApplyMask, "apply_mask, in place, hot 64 KiB"),
];

#[inline(never)]
fn xor_bytewise(buf: &mut [u8], key: [u8; 4]) {
    for (i, b) in buf.iter_mut().enumerate() {
        *b ^= key[i & 3];
    }
}

/// Returns seconds for one pass over `wire.len()` bytes.
fn run_base(base: Base, wire: &[u8], buf: &mut [u8]) -> f64 {
    let key = [0x12, 0x34, 0x56, 0x78];
    let watch = Stopwatch::start();
    match base {
        Base::Memcpy | Base::MemcpyFold | Base::MemcpyMask => {
            let mut acc = 0u64;
            for chunk in wire.chunks(CHUNK) {
                let buf = &mut buf[..chunk.len()];
                buf.copy_from_slice(chunk);
                match base {
                    Base::MemcpyFold => acc ^= fold(buf),
                    Base::MemcpyMask => apply_mask(buf, key, 0),
                    _ => {}
                }
                black_box(&mut *buf);
            }
            black_box(acc);
        }
        Base::XorBytewise | Base::ApplyMask => {
            let mut left = wire.len();
            while left > 0 {
                let n = left.min(CHUNK);
                if base == Base::XorBytewise {
                    xor_bytewise(&mut buf[..n], key);
                } else {
                    apply_mask(&mut buf[..n], key, 0);
                }
                black_box(&mut *buf);
                left -= n;
            }
        }
    }
    watch.stop()
}

// ---------------------------------------------------------------------------
// W7: footprint of an idle open connection.

struct Footprint {
    label: &'static str,
    size: usize,
    /// Heap held, by the counting allocator.
    live: i64,
    /// The crate's own `heap_size()`, where it has one.
    heap_size: Option<usize>,
}

/// Runs `f` with the counting allocator on; returns its value and the heap
/// bytes allocated and not freed meanwhile.
fn counted<T>(f: impl FnOnce() -> T) -> (T, i64) {
    let (value, usage) = alloc::measure(f);
    (value, usage.held as i64)
}

/// Each measurement runs twice and reports the second, so that one-time lazy
/// state elsewhere (thread locals, the runtime) is not counted.
fn footprints(data: &Data, rt: &Runtime) -> Vec<Footprint> {
    let frame = data.w1.wire[..frame_len(16, true) as usize].to_vec();
    let mut with_request = data.request.clone();
    with_request.extend_from_slice(&frame);
    let mut buf = vec![0u8; CHUNK];
    let mut sink = Sink::new(None);
    let mut out = Vec::new();

    // Ours, opened directly: one message, idle; then release_memory().
    let size = std::mem::size_of::<Connection>();
    let mut figures = (0, 0, 0, 0);
    for _ in 0..2 {
        let (mut conn, live) = counted(|| {
            let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
            assert_eq!(ours_recv(&mut conn, &frame, &mut buf).messages, 1);
            conn
        });
        let heap = conn.heap_size();
        let ((), released) = counted(|| conn.release_memory());
        figures = (live, heap, live + released, conn.heap_size());
    }
    let label = "wsproto open_server, one message, idle";
    out.push(Footprint { label, size, live: figures.0, heap_size: Some(figures.1) });
    let label = "wsproto open_server, idle after release_memory()";
    out.push(Footprint { label, size, live: figures.2, heap_size: Some(figures.3) });

    // Ours through the handshake: Connection::server, accept, one message.
    let mut figures = (0, 0);
    for _ in 0..2 {
        let (conn, live) = counted(|| {
            let mut conn = Connection::server(Config::default(), ServerConfig::new());
            let b = &mut buf[..with_request.len()];
            b.copy_from_slice(&with_request);
            let consumed = {
                let read = conn.read(b).expect("request");
                assert!(matches!(read.event, Some(Event::UpgradeRequest(_))));
                read.consumed
            };
            conn.accept(&AcceptOptions::new()).expect("accept");
            drain(conn.sender(), &mut sink);
            let (mut start, mut messages) = (consumed, 0);
            loop {
                let read = conn.read(&mut b[start..]).expect("frames");
                start += read.consumed;
                match read.event {
                    None => break,
                    Some(Event::HandshakeComplete(_)) => {}
                    Some(Event::Message(_)) => messages += 1,
                    Some(other) => panic!("unexpected {other:?}"),
                }
            }
            assert_eq!(messages, 1);
            conn.release_memory();
            conn
        });
        figures = (live, conn.heap_size());
    }
    let label = "wsproto server + handshake + message, release_memory()";
    out.push(Footprint { label, size, live: figures.0, heap_size: Some(figures.1) });

    // tungstenite, default configuration.
    let size = std::mem::size_of::<tungstenite::WebSocket<()>>();
    let mut live = 0;
    for _ in 0..2 {
        let mut sink = Sink::new(None);
        let (ws, l) = counted(|| {
            let stream = MemStream::new(&frame, &mut sink);
            let mut ws = tungstenite::WebSocket::from_raw_socket(stream, tungstenite::protocol::Role::Server, None);
            drop(ws.read().expect("one message"));
            ws
        });
        live = l;
        drop(ws);
    }
    let label = "tungstenite (default config), one message, idle";
    out.push(Footprint { label, size, live, heap_size: None });

    // fastwebsockets.
    let size = std::mem::size_of::<fastwebsockets::WebSocket<()>>();
    let mut live = 0;
    for _ in 0..2 {
        let mut sink = Sink::new(None);
        let (ws, l) = counted(|| {
            let stream = MemStream::new(&frame, &mut sink);
            let mut ws = fastwebsockets::WebSocket::after_handshake(stream, fastwebsockets::Role::Server);
            rt.block_on(async { drop(ws.read_frame().await.expect("one message")) });
            ws
        });
        live = l;
        drop(ws);
    }
    let label = "fastwebsockets, one message, idle";
    out.push(Footprint { label, size, live, heap_size: None });

    // websocket-sans-io: the codec's state only (decoder and encoder); the
    // adapter's assembly buffer is the user's, and empty for one 16-byte
    // message that arrives whole.
    let size = std::mem::size_of::<websocket_sans_io::WebsocketFrameDecoder>()
        + std::mem::size_of::<websocket_sans_io::WebsocketFrameEncoder>();
    let mut live = 0;
    for _ in 0..2 {
        let (rx, l) = counted(|| {
            let mut rx = sans_io::Receiver::new();
            assert_eq!(sans_io::recv(&mut rx, &frame, &mut buf).messages, 1);
            rx
        });
        live = l;
        drop(rx);
    }
    let label = "websocket-sans-io decoder + encoder, one message, idle";
    out.push(Footprint { label, size, live, heap_size: None });
    out
}

// ---------------------------------------------------------------------------
// Report.

fn median(v: &[f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let m = s.len() / 2;
    Some(if s.len() % 2 == 1 { s[m] } else { (s[m - 1] + s[m]) / 2.0 })
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().into())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

fn rustc_version() -> String {
    std::process::Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| "rustc (unknown version)".into())
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn fmt_rate(unit: Unit, per_sec: f64) -> String {
    match unit {
        Unit::Msgs => format!("{:.2} M msg/s", per_sec / 1e6),
        Unit::Bytes => format!("{:.2} GB/s", per_sec / 1e9),
        Unit::Handshakes => format!("{:.1} k hs/s", per_sec / 1e3),
    }
}

fn env_list(name: &str) -> Option<Vec<String>> {
    std::env::var(name).ok().map(|v| v.split(',').map(|s| s.trim().to_ascii_lowercase()).collect())
}

fn main() {
    let quick = std::env::var("WSPROTO_BENCH_QUICK").is_ok_and(|v| v == "1");
    let rounds: usize = std::env::var("WSPROTO_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if quick { 1 } else { 7 })
        .max(1);
    let scale: f64 = std::env::var("WSPROTO_BENCH_SCALE").ok().and_then(|v| v.parse().ok()).unwrap_or(if quick {
        0.002
    } else {
        1.0
    });
    let only = env_list("WSPROTO_BENCH_ONLY");
    let impls = env_list("WSPROTO_BENCH_IMPLS");
    let wanted = |id: &str| only.as_ref().is_none_or(|l| l.iter().any(|x| x.eq_ignore_ascii_case(id)));
    let impl_on = |k: usize| impls.as_ref().is_none_or(|l| l.iter().any(|x| x == IMPL_NAMES[k]));

    let wall_clock = std::env::var("WSPROTO_BENCH_CLOCK").is_ok_and(|v| v.eq_ignore_ascii_case("wall"));
    CPU_CLOCK.store(!wall_clock && thread_cpu_ns().is_some(), Relaxed);
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("wsproto vs tungstenite 0.30 vs fastwebsockets 0.10 vs websocket-sans-io 0.1 — benches/compare.rs");
    println!("machine: {} × {cores} cores; {}", cpu_model(), rustc_version());
    println!("load average at start: {}", loadavg());
    if CPU_CLOCK.load(Relaxed) {
        println!("clock: this thread's CPU time (/proc/thread-self/schedstat); WSPROTO_BENCH_CLOCK=wall for wall time");
    } else {
        println!("clock: wall time");
    }

    let t = Instant::now();
    let mut data = Data::generate(scale);
    println!(
        "input: generated in {:.1} s (scale {scale}), {rounds} timed round(s) after one checking round; medians shown",
        t.elapsed().as_secs_f64()
    );

    let na_fws_hs = "no handshake without hyper";
    let na_wsi_hs = "no HTTP handshake";
    let rows_spec = [
        (Work::W1, "W1", format!("recv {} × 16 B masked text", data.w1.expect.messages), Unit::Msgs),
        (Work::W2, "W2", format!("recv {} × 1 MiB masked binary", data.large_n), Unit::Bytes),
        (Work::W2Read, "W2", "  same, ours via read() on a 64 KiB buffer (assembly copy)".to_string(), Unit::Bytes),
        (Work::W2Chunks, "W2", "  same, ours with Delivery::Chunks (no assembly)".to_string(), Unit::Bytes),
        (Work::W3, "W3", format!("recv {} × 256 B UTF-8 text, 4 fragments", data.w3.expect.messages), Unit::Msgs),
        (Work::W4Small, "W4", format!("send {} × 16 B text (server)", data.small_n), Unit::Msgs),
        (Work::W4Large, "W4", format!("send {} × 1 MiB binary (server)", data.large_n), Unit::Bytes),
        (Work::W5, "W5", format!("send {} × 1 MiB binary, masked (client)", data.large_n), Unit::Bytes),
        (Work::W6, "W6", format!("server handshakes ×{} (Connection)", data.handshakes), Unit::Handshakes),
        (Work::W6Standalone, "W6", "  standalone ServerHandshake + accept".to_string(), Unit::Handshakes),
    ];
    let mut rows: Vec<Row> = rows_spec
        .into_iter()
        .filter(|(_, id, _, _)| wanted(id))
        .map(|(work, id, label, unit)| {
            let e = expected(&data, work);
            let amount = match unit {
                Unit::Bytes => e.messages as f64 * MIB as f64,
                _ => e.messages as f64,
            };
            let mut na = [None; IMPLS];
            if matches!(work, Work::W6 | Work::W6Standalone) {
                na[FWS] = Some(na_fws_hs);
                na[WSI] = Some(na_wsi_hs);
            }
            if matches!(work, Work::W6Standalone | Work::W2Chunks | Work::W2Read) {
                na[TUNG] = Some("—");
            }
            if matches!(work, Work::W2Chunks | Work::W2Read) {
                na[FWS] = Some("—");
                na[WSI] = Some("—");
            }
            for (k, slot) in na.iter_mut().enumerate() {
                if !impl_on(k) && slot.is_none() {
                    *slot = Some("skipped");
                }
            }
            Row {
                work,
                id,
                label,
                unit,
                amount,
                na,
                secs: std::array::from_fn(|_| Vec::new()),
                allocs: [None; IMPLS],
                messages: e.messages,
            }
        })
        .collect();
    let run_bases = wanted("base");
    let mut base_secs: Vec<Vec<f64>> = vec![Vec::new(); BASES.len()];

    let rt = tokio::runtime::Builder::new_current_thread().build().expect("tokio runtime");
    let mut ctx = Ctx { data: &mut data, rt, buf: vec![0u8; CHUNK], out: Vec::with_capacity(CHUNK + 64) };
    let total = Instant::now();
    for round in 0..=rounds {
        let verify = round == 0;
        for row in rows.iter_mut() {
            for j in 0..IMPLS {
                // Rotate the order each round so none always runs first.
                let k = (j + round) % IMPLS;
                if row.na[k].is_some() {
                    continue;
                }
                let sample = run(&mut ctx, row.work, k, verify);
                let expect = expected(ctx.data, row.work);
                assert_eq!(
                    sample.outcome, expect,
                    "{} {}: {} did not do the same work (round {round})",
                    row.id, row.label, IMPL_NAMES[k]
                );
                if verify {
                    row.allocs[k] = Some(sample.allocs);
                } else {
                    row.secs[k].push(sample.secs);
                }
            }
        }
        if run_bases {
            let wire = std::mem::take(&mut ctx.data.w2.wire);
            for (i, (base, _)) in BASES.iter().enumerate() {
                let secs = run_base(*base, &wire, &mut ctx.buf);
                if !verify {
                    base_secs[i].push(secs);
                }
            }
            ctx.data.w2.wire = wire;
        }
        if round == 0 {
            println!("round 0 (checks, allocation counts) done in {:.1} s", total.elapsed().as_secs_f64());
        }
    }
    let rt = ctx.rt;
    println!(
        "all rounds done in {:.1} s; load average now: {} (other processes share these cores)",
        total.elapsed().as_secs_f64(),
        loadavg()
    );
    let (wall, cpu) = (WALL_TOTAL.load(Relaxed) as f64, CPU_TOTAL.load(Relaxed) as f64);
    if cpu > 0.0 {
        println!(
            "timed sections: {:.1} s wall, {:.1} s on CPU (wall/CPU {:.2}: the rest we were descheduled)",
            wall / 1e9,
            cpu / 1e9,
            wall / cpu
        );
    }
    println!();

    // Baselines first: the byte rows are shown as a fraction of memcpy.
    let w2_bytes = data.w2.wire.len() as f64;
    let base_rates: Vec<Option<f64>> = base_secs.iter().map(|s| median(s).map(|m| w2_bytes / m)).collect();
    let memcpy = base_rates[0];

    let mut table = String::new();
    let head = "allocs/msg o/t/f/s";
    let _ = writeln!(
        table,
        "{:<3} {:<46} {:>14} {:>14} {:>14} {:>14} {:>6} {:>6} {:>6} {:>6} {:>7} {:>18}",
        "",
        "workload",
        "wsproto",
        "tungstenite",
        "fastwebsockets",
        "ws-sans-io",
        "×tung",
        "×fws",
        "×sans",
        "×best",
        "/memcpy",
        head
    );
    let _ = writeln!(table, "{}", "-".repeat(3 + 1 + 46 + 15 * 4 + 7 * 4 + 8 + 19));
    let mut medians: Vec<[Option<f64>; IMPLS]> = Vec::new();
    for row in &rows {
        let rates: [Option<f64>; IMPLS] = std::array::from_fn(|k| median(&row.secs[k]).map(|s| row.amount / s));
        medians.push(rates);
        let cell = |k: usize| match (rates[k], row.na[k]) {
            (Some(r), _) => fmt_rate(row.unit, r),
            (None, Some(why)) if why.len() <= 14 => why.to_string(),
            _ => "n/a".to_string(),
        };
        let ratio = |k: usize| match (rates[OURS], rates[k]) {
            (Some(a), Some(b)) => format!("{:.2}×", a / b),
            _ => "—".to_string(),
        };
        let best = match (rates[OURS], (1..IMPLS).filter_map(|k| rates[k]).reduce(f64::max)) {
            (Some(a), Some(b)) => format!("{:.2}×", a / b),
            _ => "—".to_string(),
        };
        let frac = match (row.unit, rates[OURS], memcpy) {
            (Unit::Bytes, Some(a), Some(m)) => format!("{:.0}%", 100.0 * a / m),
            _ => String::new(),
        };
        let allocs = row
            .allocs
            .iter()
            .map(|a| match a {
                Some(a) => {
                    let per = *a as f64 / row.messages.max(1) as f64;
                    if per == 0.0 {
                        "0".to_string()
                    } else if per >= 0.1 {
                        format!("{per:.1}")
                    } else {
                        format!("{per:.0e}")
                    }
                }
                None => "-".to_string(),
            })
            .collect::<Vec<_>>()
            .join("/");
        let _ = writeln!(
            table,
            "{:<3} {:<46} {:>14} {:>14} {:>14} {:>14} {:>6} {:>6} {:>6} {:>6} {:>7} {:>18}",
            row.id,
            row.label,
            cell(OURS),
            cell(TUNG),
            cell(FWS),
            cell(WSI),
            ratio(TUNG),
            ratio(FWS),
            ratio(WSI),
            best,
            frac,
            allocs
        );
    }
    let _ = writeln!(
        table,
        "×tung, ×fws, ×sans: our median throughput over theirs (>1 = we are faster); ×best: over the fastest \
         peer in that row. /memcpy: ours over the memcpy baseline below. allocs/msg: allocations per message \
         (per handshake for W6) in the checking round, ours/tungstenite/fastwebsockets/websocket-sans-io."
    );
    if run_bases {
        let _ = writeln!(table, "\nbaselines over the W2 wire bytes ({:.0} MiB):", w2_bytes / MIB as f64);
        for ((_, label), rate) in BASES.iter().zip(&base_rates) {
            if let Some(r) = rate {
                let frac = memcpy.map(|m| format!("{:.0}% of memcpy", 100.0 * r / m)).unwrap_or_default();
                let _ = writeln!(table, "    {:<46} {:>15}  {}", label, fmt_rate(Unit::Bytes, *r), frac);
            }
        }
    }
    if rows.iter().any(|r| r.work == Work::W6) {
        let _ = writeln!(
            table,
            "\nW6 fastwebsockets: n/a — its server upgrade exists only through hyper (feature `upgrade`, \
             `upgrade::upgrade(&mut hyper::Request)`), which needs a hyper connection; there is no \
             handshake over a plain stream to compare. websocket-sans-io: n/a — frames only, the HTTP \
             upgrade is left to the user."
        );
    }
    // With only D rows asked for, the W table would be empty.
    if !rows.is_empty() || run_bases {
        print!("{table}");
    }

    // W7.
    let mut fps = Vec::new();
    if wanted("W7") {
        fps = footprints(&data, &rt);
        println!("\nW7 footprint of an idle open connection (size_of + heap held, counting allocator):");
        for f in &fps {
            let hs = f.heap_size.map(|h| format!(", heap_size() {h} B")).unwrap_or_default();
            println!(
                "    {:<62} size_of {:>4} B + heap {:>7} B = {:>7} B{}",
                f.label,
                f.size,
                f.live,
                f.size as i64 + f.live,
                hs
            );
        }
        println!(
            "    (tungstenite, fastwebsockets: size_of::<WebSocket<()>>(), i.e. without the stream; heap = bytes \
             still allocated after constructing the connection and reading one 16-byte message)"
        );
    }

    // Targets: the goals of issue 14, each against the fastest peer.
    if !rows.is_empty() {
        println!("\ntargets (ours over the fastest peer in the row):");
    }
    let rate =
        |work: Work, k: usize| -> Option<f64> { rows.iter().position(|r| r.work == work).and_then(|i| medians[i][k]) };
    let verdict = |ok: bool| if ok { "MET" } else { "NOT MET" };
    let best_peer = |work: Work| -> Option<(f64, &'static str)> {
        (1..IMPLS).filter_map(|k| Some((rate(work, k)?, IMPL_NAMES[k]))).reduce(|a, b| if b.0 > a.0 { b } else { a })
    };
    for (work, need, what) in [
        (Work::W1, 3.0, "W1 recv 16 B texts"),
        (Work::W2, 1.1, "W2 recv 1 MiB binaries"),
        (Work::W3, 4.0, "W3 recv fragmented texts"),
        (Work::W4Small, 1.3, "W4a send 16 B texts"),
        (Work::W4Large, 1.0, "W4b send 1 MiB binaries"),
        (Work::W5, 1.2, "W5 client sends 1 MiB binaries"),
        (Work::W6, 3.0, "W6 server handshakes"),
    ] {
        if let (Some(o), Some((p, name))) = (rate(work, OURS), best_peer(work)) {
            let x = o / p;
            println!("    {what:<32} {x:.2}× {name:<15} (need ≥{need}×) {}", verdict(x >= need));
        }
    }
    if let Some(f) = fps.get(1) {
        let total = f.size as i64 + f.live;
        println!("    W7 idle (after release_memory): {total} B (need <512 B) {}", verdict(total < 512));
    }

    // D1–D5: permessage-deflate, in their own table.
    let mut buf = vec![0u8; CHUNK];
    deflate::run_all(&rt, scale, rounds, &mut buf, &wanted, impls.as_deref());
}
