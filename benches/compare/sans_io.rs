//! websocket-sans-io 0.1 as a peer (rows W1–W5; it has no HTTP handshake,
//! so no W6).
//!
//! The crate is a frame codec and nothing more: its README says "No
//! validation", and that handling "pings, HTTP upgrades, masking and close
//! frames" is the user's job, as is assembling messages from frames. So this
//! adapter adds what a conforming endpoint must do on top of it, each in the
//! cheapest way the crate's API allows, and no more than the other
//! implementations do:
//!
//! - Receive: the decoder's documented two loops (read a chunk, feed it to
//!   `add_data` until no event), with the payload unmasked in place in the
//!   read buffer. A message that arrives whole in one read is delivered where
//!   it lies (no copy); one split across reads or frames is assembled in one
//!   reused buffer, and a large frame's payload is read straight into that
//!   buffer (the decoder unmasks it there), so a 1 MiB message is copied once,
//!   as the other readers do. Checks: RSV bits and opcodes
//!   (`FrameInfo::is_reasonable`, RFC 6455 §5.2), masked client frames
//!   (§5.1), control frames at most 125 bytes and unfragmented (§5.5), the
//!   continuation sequence (§5.4), the message size limit, and UTF-8 of each
//!   whole text message (§8.1) with simdutf8, the validator ours and
//!   fastwebsockets use.
//! - Send: `WebsocketFrameEncoder::start_frame` for the header. Small
//!   messages: header and payload appended to one reused output buffer,
//!   written to the sink at 64 KiB (as ours is drained). Large: the header and
//!   the borrowed payload written as two slices (a vectored write), never
//!   copied into a queue. Client (W5): `transform_frame_payload` masks the
//!   payload in place in the caller's buffer, as fastwebsockets'
//!   `Payload::BorrowedMut` does, with a fresh key from a ChaCha20 source per
//!   frame (§5.3).

use super::{Outcome, Sink, CHUNK, LIMIT, MIB};
use websocket_sans_io::{FrameInfo, Opcode, WebsocketFrameDecoder, WebsocketFrameEncoder, WebsocketFrameEvent};
use wsproto::rng::RandomSource;
use wsproto::ChaChaRng;

/// Frames with at least this much payload still to come are read straight
/// into the assembly buffer instead of the read buffer.
const DIRECT: u64 = 4096;

/// A receiving endpoint (server role) on `WebsocketFrameDecoder`.
pub(crate) struct Receiver {
    dec: WebsocketFrameDecoder,
    /// Assembly buffer for messages not whole in one read. Grown (and
    /// zero-filled) only when a message needs more than it ever had; the
    /// first `filled` bytes are the message so far.
    msg: Vec<u8>,
    filled: usize,
    /// The data opcode of the message in progress.
    message: Option<Opcode>,
    /// The frame being read, and how much of its payload is still to come.
    frame: FrameInfo,
    remaining: u64,
    /// Where the frame's payload lies in the read buffer, when it is the
    /// whole message and arrived in one read.
    in_place: Option<(usize, usize)>,
}

impl Receiver {
    pub(crate) fn new() -> Receiver {
        Receiver {
            dec: WebsocketFrameDecoder::new(),
            msg: Vec::new(),
            filled: 0,
            message: None,
            frame: FrameInfo::default(),
            remaining: 0,
            in_place: None,
        }
    }

    /// A frame header: the checks a server must make (see the module docs).
    #[inline]
    fn start(&mut self, frame: FrameInfo) {
        assert!(frame.is_reasonable(), "RSV bit, reserved opcode or fragmented control frame");
        assert!(frame.mask.is_some(), "unmasked frame from a client");
        if frame.opcode.is_control() {
            assert!(frame.payload_length <= 125, "control frame over 125 bytes");
            panic!("unexpected control frame {frame:?}");
        }
        match (frame.opcode, self.message) {
            (Opcode::Continuation, Some(_)) => {}
            (Opcode::Text | Opcode::Binary, None) => self.message = Some(frame.opcode),
            _ => panic!("frame out of sequence: {frame:?}"),
        }
        let end = self.filled as u64 + frame.payload_length;
        assert!(end <= LIMIT as u64, "message over the size limit");
        if frame.payload_length >= DIRECT && self.msg.len() < end as usize {
            self.msg.resize(end as usize, 0);
        }
        self.frame = frame;
        self.remaining = frame.payload_length;
        self.in_place = None;
    }

    /// Payload bytes, unmasked, at `buf[a..b]`.
    #[inline]
    fn payload(&mut self, buf: &[u8], a: usize, b: usize) {
        let n = b - a;
        self.remaining -= n as u64;
        if self.filled == 0 && self.frame.fin && n as u64 == self.frame.payload_length {
            self.in_place = Some((a, b));
        } else {
            let end = self.filled + n;
            if self.msg.len() < end {
                self.msg.resize(end, 0);
            }
            self.msg[self.filled..end].copy_from_slice(&buf[a..b]);
            self.filled = end;
        }
    }

    /// The end of a frame; with FIN, of the message, which is delivered.
    #[inline]
    fn end(&mut self, buf: &[u8], out: &mut Outcome) {
        if !self.frame.fin {
            return;
        }
        let payload = match self.in_place.take() {
            Some((a, b)) => &buf[a..b],
            None => &self.msg[..self.filled],
        };
        if self.message == Some(Opcode::Text) {
            simdutf8::basic::from_utf8(payload).expect("text message is UTF-8");
        }
        out.add(payload);
        self.filled = 0;
        self.message = None;
    }
}

/// Feeds `wire` through the decoder, read by read (at most 64 KiB, copied
/// from the wire as a socket read would, like every other reader here).
/// (Not inlined: a named entry point for `callgrind --toggle-collect`.)
#[inline(never)]
pub(crate) fn recv(rx: &mut Receiver, wire: &[u8], buf: &mut [u8]) -> Outcome {
    let mut out = Outcome::default();
    let mut pos = 0;
    // The bytes of the last read not yet fed to the decoder: buf[at..have].
    let (mut at, mut have) = (0, 0);
    loop {
        let r = rx.dec.add_data(&mut buf[at..have]).unwrap_or_else(|never| match never {});
        let from = at;
        at += r.consumed_bytes;
        match r.event {
            Some(WebsocketFrameEvent::PayloadChunk { .. }) => rx.payload(buf, from, at),
            Some(WebsocketFrameEvent::Start { frame_info, .. }) => rx.start(frame_info),
            Some(WebsocketFrameEvent::End { .. }) => rx.end(buf, &mut out),
            None if pos == wire.len() => break,
            None if rx.remaining >= DIRECT => {
                // The rest of a large frame: read into the message itself.
                let n = (rx.remaining.min(CHUNK as u64) as usize).min(wire.len() - pos);
                let dst = &mut rx.msg[rx.filled..rx.filled + n];
                dst.copy_from_slice(&wire[pos..pos + n]);
                pos += n;
                let r = rx.dec.add_data(dst).unwrap_or_else(|never| match never {});
                assert!(r.consumed_bytes == n && matches!(r.event, Some(WebsocketFrameEvent::PayloadChunk { .. })));
                rx.filled += n;
                rx.remaining -= n as u64;
            }
            None => {
                let n = CHUNK.min(wire.len() - pos);
                buf[..n].copy_from_slice(&wire[pos..pos + n]);
                pos += n;
                (at, have) = (0, n);
            }
        }
    }
    assert!(rx.dec.eof_valid() && rx.message.is_none(), "input ends inside a message");
    out
}

#[inline]
fn frame_info(opcode: Opcode, len: usize, mask: Option<[u8; 4]>) -> FrameInfo {
    FrameInfo { opcode, payload_length: len as u64, mask, fin: true, reserved: 0 }
}

/// W4 (server, unmasked): `n` 16-byte texts or 1 MiB binaries.
/// (Not inlined: a named entry point for `callgrind --toggle-collect`.)
#[inline(never)]
pub(crate) fn send(n: usize, large: bool, texts: &[&str], large_bytes: &[u8], out: &mut Vec<u8>, sink: &mut Sink) {
    let mut enc = WebsocketFrameEncoder::new();
    out.clear();
    for i in 0..n {
        if large {
            let payload = &large_bytes[i * MIB..(i + 1) * MIB];
            let header = enc.start_frame(&frame_info(Opcode::Binary, payload.len(), None));
            sink.write(&header);
            sink.write(payload);
        } else {
            // A &str: UTF-8 by construction.
            let payload = texts[i].as_bytes();
            let header = enc.start_frame(&frame_info(Opcode::Text, payload.len(), None));
            out.extend_from_slice(&header);
            out.extend_from_slice(payload);
            if out.len() >= CHUNK {
                sink.write(out);
                out.clear();
            }
        }
    }
    sink.write(out);
    out.clear();
}

/// W5 (client): 1 MiB binaries from `large`, each masked in place with a
/// fresh key, then written as header and payload.
#[inline(never)]
pub(crate) fn send_masked(large: &mut [u8], rng: &mut ChaChaRng, sink: &mut Sink) {
    let mut enc = WebsocketFrameEncoder::new();
    for payload in large.chunks_mut(MIB) {
        let mut key = [0u8; 4];
        rng.fill(&mut key);
        let header = enc.start_frame(&frame_info(Opcode::Binary, payload.len(), Some(key)));
        enc.transform_frame_payload(payload);
        sink.write(&header);
        sink.write(payload);
    }
}
