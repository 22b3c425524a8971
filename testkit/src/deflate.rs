//! A reference for permessage-deflate (RFC 7692) that does not use the
//! crate's compressor or inflater: zlib-rs driven directly, and the wire
//! read back with the kit's own frame parser ([`crate::frames`]).
//!
//! - [`RefDeflater`] compresses messages as RFC 7692 §7.2.1 says a sender
//!   does (sync flush, the 4-byte tail removed), with or without context
//!   takeover, at any window size 9..=15;
//! - [`RefInflater`] inflates a message's payload with the tail appended
//!   (§7.2.2);
//! - [`WindowChecker`], a small DEFLATE decoder of its own, checks that a
//!   sender's back-references stay within its negotiated window
//!   (§7.1.2), which zlib-rs's inflate cannot tell;
//! - [`wire_messages`] groups the frames a connection wrote into
//!   messages, keeping the RSV bits of every frame, so that a test can
//!   check where RSV1 is set and inflate each payload itself.

use crate::frames::{frames, WireFrame};
use zlib_rs::{Deflate, DeflateFlush, Inflate, InflateFlush, Status};

/// RFC 7692 §7.2.1: the bytes a sync flush ends with, which the sender
/// removes and the receiver appends.
pub const TAIL: [u8; 4] = [0x00, 0x00, 0xff, 0xff];

/// The zlib default compression level.
pub const DEFAULT_LEVEL: i32 = 6;

/// A reference compressor: one raw DEFLATE stream (no zlib header).
pub struct RefDeflater {
    z: Deflate,
    takeover: bool,
}

impl std::fmt::Debug for RefDeflater {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RefDeflater").field("takeover", &self.takeover).finish_non_exhaustive()
    }
}

impl RefDeflater {
    /// A compressor with a `window_bits` window (9..=15) that keeps its
    /// context from message to message if `takeover`.
    pub fn new(window_bits: u8, takeover: bool) -> RefDeflater {
        assert!((9..=15).contains(&window_bits), "zlib makes raw DEFLATE with windows 9..=15");
        RefDeflater { z: Deflate::new(DEFAULT_LEVEL, false, window_bits), takeover }
    }

    /// Compresses `data` with a sync flush and returns all the output
    /// (ending with [`TAIL`]).
    pub fn sync_flush(&mut self, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut input = data;
        loop {
            let mut buf = vec![0u8; input.len() + 64 + (input.len() >> 3)];
            let (in0, out0) = (self.z.total_in(), self.z.total_out());
            let status = self.z.compress(input, &mut buf, DeflateFlush::SyncFlush).expect("reference deflate");
            let used = (self.z.total_in() - in0) as usize;
            let made = (self.z.total_out() - out0) as usize;
            out.extend_from_slice(&buf[..made]);
            input = &input[used..];
            // Done when all input is taken and the output did not fill up.
            if input.is_empty() && made < buf.len() {
                assert!(matches!(status, Status::Ok | Status::BufError), "{status:?}");
                break;
            }
        }
        // zlib writes nothing for a flush with nothing new since the last.
        assert!(out.is_empty() || out.ends_with(&TAIL), "a sync flush ends with 00 00 ff ff");
        out
    }

    /// Ends a message's output: the tail removed; when the flush wrote
    /// nothing (the last one left the stream on a byte boundary), the byte
    /// 00 that opens the empty stored block the receiver's tail completes.
    fn end_message(&mut self, out: &mut Vec<u8>) {
        if out.is_empty() {
            out.push(0x00);
        } else {
            out.truncate(out.len() - TAIL.len());
        }
        if !self.takeover {
            self.z.reset();
        }
    }

    /// One whole message's payload (RFC 7692 §7.2.1): compressed, flushed,
    /// the tail removed; the context reset after it without takeover.
    pub fn message(&mut self, data: &[u8]) -> Vec<u8> {
        let mut out = self.sync_flush(data);
        self.end_message(&mut out);
        out
    }

    /// A message's payload cut into frames: each fragment sync-flushed in
    /// turn, the tail removed from the last only.
    pub fn fragments(&mut self, parts: &[&[u8]]) -> Vec<Vec<u8>> {
        let mut out: Vec<Vec<u8>> = parts.iter().map(|p| self.sync_flush(p)).collect();
        let mut last = out.pop().unwrap_or_default();
        self.end_message(&mut last);
        out.push(last);
        out
    }
}

/// A compression bomb: one message's payload (tail removed) that inflates
/// to `mib` MiB of zeros, made without compressing all of it. The first
/// MiB is compressed, then a second, and the second's bytes are repeated:
/// they refer only to the window behind them, which holds nothing but
/// zeros from then on, so each copy inflates to one more MiB of zeros.
pub fn bomb(mib: usize) -> Vec<u8> {
    assert!(mib >= 2, "at least 2 MiB");
    let zeros = vec![0u8; 1 << 20];
    let mut z = RefDeflater::new(15, true);
    let mut out = z.sync_flush(&zeros);
    let steady = z.sync_flush(&zeros);
    for _ in 1..mib {
        out.extend_from_slice(&steady);
    }
    out.truncate(out.len() - TAIL.len());
    out
}

/// A reference inflater: one raw DEFLATE stream.
pub struct RefInflater {
    z: Inflate,
}

impl Default for RefInflater {
    fn default() -> RefInflater {
        RefInflater::new()
    }
}

impl std::fmt::Debug for RefInflater {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RefInflater").finish_non_exhaustive()
    }
}

impl RefInflater {
    /// An inflater with the 32 KiB window, which decodes every window
    /// size. (zlib-rs always keeps a 32 KiB window, and checks distances
    /// against what it holds, not against the window bits it was given: a
    /// sender's window size cannot be checked by inflating.)
    pub fn new() -> RefInflater {
        RefInflater { z: Inflate::new(false, 15) }
    }

    /// Inflates one message's payload with [`TAIL`] appended (RFC 7692
    /// §7.2.2), keeping the window for the next message. `Err` with
    /// zlib's message if it does not inflate, or if the stream ended
    /// (a BFINAL block) inside it.
    pub fn message(&mut self, payload: &[u8]) -> Result<Vec<u8>, String> {
        let input = [payload, &TAIL[..]].concat();
        let mut rest = &input[..];
        let mut out = Vec::new();
        loop {
            let mut buf = vec![0u8; 64 << 10];
            let (in0, out0) = (self.z.total_in(), self.z.total_out());
            let status = self
                .z
                .decompress(rest, &mut buf, InflateFlush::SyncFlush)
                .map_err(|e| format!("{e:?}: {:?}", self.z.error_message()))?;
            let used = (self.z.total_in() - in0) as usize;
            let made = (self.z.total_out() - out0) as usize;
            out.extend_from_slice(&buf[..made]);
            rest = &rest[used..];
            if status == Status::StreamEnd {
                return Err("the stream ended inside a message".into());
            }
            if rest.is_empty() && made < buf.len() {
                return Ok(out);
            }
            if used == 0 && made == 0 {
                return Err(format!("inflate made no progress ({status:?})"));
            }
        }
    }
}

/// A second, deliberately simple DEFLATE decoder (RFC 1951, in the manner
/// of zlib's `puff.c`) that checks what zlib-rs cannot: that every
/// back-reference stays within a sender's window. (zlib-rs keeps a 32 KiB
/// window whatever window bits it is given, so it inflates a stream that
/// refers further back than the sender promised.) It keeps the last 32 KiB
/// of output from message to message, for context takeover.
#[derive(Debug)]
pub struct WindowChecker {
    window: usize,
    history: Vec<u8>,
    /// The longest distance seen so far.
    pub max_distance: usize,
}

struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    bit: u32,
    nbits: u32,
}

impl Bits<'_> {
    fn need(&mut self, n: u32) -> Result<u32, String> {
        while self.nbits < n {
            let byte = *self.data.get(self.pos).ok_or("the payload ends inside a block")?;
            self.pos += 1;
            self.bit |= u32::from(byte) << self.nbits;
            self.nbits += 8;
        }
        let v = self.bit & ((1u32 << n) - 1);
        self.bit >>= n;
        self.nbits -= n;
        Ok(v)
    }

    fn align(&mut self) {
        self.bit = 0;
        self.nbits = 0;
    }

    fn at_end(&self) -> bool {
        self.pos == self.data.len()
    }
}

/// A canonical Huffman code: how many codes of each length, and the
/// symbols in code order.
struct Huffman {
    count: [u16; 16],
    symbol: Vec<u16>,
}

impl Huffman {
    fn new(lengths: &[u8]) -> Huffman {
        let mut count = [0u16; 16];
        for &l in lengths {
            count[usize::from(l)] += 1;
        }
        count[0] = 0;
        let mut offs = [0u16; 16];
        for len in 1..15 {
            offs[len + 1] = offs[len] + count[len];
        }
        let mut symbol = vec![0u16; lengths.len()];
        for (sym, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbol[usize::from(offs[usize::from(l)])] = sym as u16;
                offs[usize::from(l)] += 1;
            }
        }
        Huffman { count, symbol }
    }

    fn decode(&self, bits: &mut Bits<'_>) -> Result<u16, String> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..16 {
            code |= bits.need(1)? as i32;
            let count = i32::from(self.count[len]);
            if code - count < first {
                return Ok(self.symbol[(index + (code - first)) as usize]);
            }
            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }
        Err("an invalid Huffman code".into())
    }
}

const LEN_BASE: [u16; 29] =
    [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA: [u8; 29] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] =
    [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

impl WindowChecker {
    /// A checker for a sender whose window is `window_bits` (8..=15).
    pub fn new(window_bits: u8) -> WindowChecker {
        assert!((8..=15).contains(&window_bits), "window bits {window_bits}");
        WindowChecker { window: 1 << window_bits, history: Vec::new(), max_distance: 0 }
    }

    /// Decodes one message's payload with [`TAIL`] appended; `Err` if it
    /// is not valid DEFLATE, ends a stream (BFINAL), or refers further
    /// back than the window. Returns the inflated bytes.
    pub fn message(&mut self, payload: &[u8]) -> Result<Vec<u8>, String> {
        let input = [payload, &TAIL[..]].concat();
        let mut bits = Bits { data: &input, pos: 0, bit: 0, nbits: 0 };
        let start = self.history.len();
        while !bits.at_end() {
            if bits.need(1)? == 1 {
                return Err("a final block (BFINAL) inside a message".into());
            }
            match bits.need(2)? {
                0 => {
                    bits.align();
                    let len = bits.need(16)?;
                    let nlen = bits.need(16)?;
                    if len != !nlen & 0xffff {
                        return Err("a stored block's NLEN is not the complement of LEN".into());
                    }
                    for _ in 0..len {
                        let b = bits.need(8)? as u8;
                        self.history.push(b);
                    }
                }
                1 => {
                    let mut lengths = [0u8; 288];
                    lengths[..144].fill(8);
                    lengths[144..256].fill(9);
                    lengths[256..280].fill(7);
                    lengths[280..].fill(8);
                    self.codes(&mut bits, &Huffman::new(&lengths), &Huffman::new(&[5; 30]))?;
                }
                2 => {
                    let nlen = bits.need(5)? as usize + 257;
                    let ndist = bits.need(5)? as usize + 1;
                    let ncode = bits.need(4)? as usize + 4;
                    const ORDER: [usize; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
                    let mut cl = [0u8; 19];
                    for &i in &ORDER[..ncode] {
                        cl[i] = bits.need(3)? as u8;
                    }
                    let clcode = Huffman::new(&cl);
                    let mut lengths = Vec::with_capacity(nlen + ndist);
                    while lengths.len() < nlen + ndist {
                        let sym = clcode.decode(&mut bits)?;
                        let (value, repeat) = match sym {
                            0..=15 => (sym as u8, 1),
                            16 => (*lengths.last().ok_or("a repeat with no length before it")?, 3 + bits.need(2)?),
                            17 => (0, 3 + bits.need(3)?),
                            _ => (0, 11 + bits.need(7)?),
                        };
                        lengths.extend(std::iter::repeat_n(value, repeat as usize));
                    }
                    if lengths.len() != nlen + ndist {
                        return Err("code lengths overrun".into());
                    }
                    let (lit, dist) = lengths.split_at(nlen);
                    self.codes(&mut bits, &Huffman::new(lit), &Huffman::new(dist))?;
                }
                _ => return Err("a block of the reserved type 3".into()),
            }
        }
        let out = self.history[start..].to_vec();
        let keep = self.history.len().saturating_sub(32 << 10);
        self.history.drain(..keep);
        Ok(out)
    }

    fn codes(&mut self, bits: &mut Bits<'_>, lit: &Huffman, dist: &Huffman) -> Result<(), String> {
        loop {
            let sym = usize::from(lit.decode(bits)?);
            if sym < 256 {
                self.history.push(sym as u8);
                continue;
            }
            if sym == 256 {
                return Ok(());
            }
            let i = sym - 257;
            if i >= 29 {
                return Err(format!("length symbol {sym}"));
            }
            let len = usize::from(LEN_BASE[i]) + bits.need(u32::from(LEN_EXTRA[i]))? as usize;
            let d = usize::from(dist.decode(bits)?);
            if d >= 30 {
                return Err(format!("distance symbol {d}"));
            }
            let distance = usize::from(DIST_BASE[d]) + bits.need(u32::from(DIST_EXTRA[d]))? as usize;
            if distance > self.window {
                return Err(format!("distance {distance} beyond the {}-byte window", self.window));
            }
            if distance > self.history.len() {
                return Err(format!("distance {distance} before the start of the stream"));
            }
            self.max_distance = self.max_distance.max(distance);
            for _ in 0..len {
                let b = self.history[self.history.len() - distance];
                self.history.push(b);
            }
        }
    }
}

/// A data message read back from the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireMessage {
    /// The opcode of its first frame (1 text, 2 binary).
    pub opcode: u8,
    /// The RSV bits of each of its frames, in order.
    pub rsv: Vec<u8>,
    /// Each frame's payload, unmasked.
    pub payloads: Vec<Vec<u8>>,
}

impl WireMessage {
    /// Whether RSV1 is set on its first frame: the message is compressed
    /// (RFC 7692 §6).
    pub fn compressed(&self) -> bool {
        self.rsv[0] & 0b100 != 0
    }

    /// The payloads of its frames, joined.
    pub fn payload(&self) -> Vec<u8> {
        self.payloads.concat()
    }
}

/// The data messages and the control frames in a complete stream of frames
/// (no HTTP head), each data message with its frames grouped.
pub fn wire_messages(bytes: &[u8]) -> (Vec<WireMessage>, Vec<WireFrame>) {
    let mut messages = Vec::new();
    let mut control = Vec::new();
    let mut open: Option<WireMessage> = None;
    for f in frames(bytes) {
        if f.opcode & 0x8 != 0 {
            control.push(f);
            continue;
        }
        let m = match (f.opcode, open.as_mut()) {
            (0, Some(m)) => m,
            (0, None) => panic!("a continuation frame outside a message"),
            (op, None) => open.insert(WireMessage { opcode: op, rsv: Vec::new(), payloads: Vec::new() }),
            (op, Some(_)) => panic!("a new data frame ({op}) inside a message"),
        };
        m.rsv.push(f.rsv);
        m.payloads.push(f.payload);
        if f.fin {
            messages.extend(open.take());
        }
    }
    assert!(open.is_none(), "a message left open at the end of the stream");
    (messages, control)
}

/// The frames after the HTTP head of a connection's output (everything
/// after the first `\r\n\r\n`).
pub fn after_head(wire: &[u8]) -> &[u8] {
    let end = crate::http::head_end(wire).expect("an HTTP head");
    &wire[end..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_gives_the_rfc_7692_examples() {
        // RFC 7692 §7.2.3.1: "Hello" compressed is f2 48 cd c9 c9 07 00.
        let mut z = RefDeflater::new(15, true);
        assert_eq!(z.message(b"Hello"), [0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00]);
        // §7.2.3.2: the same message again, with the shared window.
        assert_eq!(z.message(b"Hello"), [0xf2, 0x00, 0x11, 0x00, 0x00]);
        // §7.2.1: an empty message is the single byte 00.
        assert_eq!(RefDeflater::new(15, false).message(b""), [0x00]);
        let mut inf = RefInflater::new();
        assert_eq!(inf.message(&[0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00]).unwrap(), b"Hello");
        assert_eq!(inf.message(&[0xf2, 0x00, 0x11, 0x00, 0x00]).unwrap(), b"Hello");
        // §7.2.3.3: a stored block.
        assert_eq!(inf.message(&[0x00, 0x05, 0x00, 0xfa, 0xff, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00]).unwrap(), b"Hello");
        assert!(RefInflater::new().message(&[0xff, 0xff, 0xff]).is_err());
    }

    #[test]
    fn the_window_checker_decodes_what_zlib_makes_and_refuses_far_references() {
        let mut rng = crate::cuts::XorShift::new(1);
        let noise: Vec<u8> = (0..1000).map(|_| rng.next() as u8).collect();
        let far = [&noise[..], &noise[..]].concat();
        let payload = RefDeflater::new(15, false).message(&far);
        let err = WindowChecker::new(9).message(&payload).unwrap_err();
        assert!(err.contains("beyond the 512-byte window"), "{err}");
        let mut ten = WindowChecker::new(10);
        assert_eq!(ten.message(&payload).unwrap(), far);
        assert_eq!(ten.max_distance, 1000);
        // Every block type, with context takeover, against zlib's output.
        let text = "permessage-deflate ".repeat(300).into_bytes();
        for level in [0, 1, 6, 9] {
            let mut z = RefDeflater { z: Deflate::new(level, false, 12), takeover: true };
            let mut check = WindowChecker::new(12);
            for m in [&text[..], b"", &noise[..], &text[..], b"Hello"] {
                assert_eq!(check.message(&z.message(m)).unwrap(), m, "level {level}");
            }
        }
        // The RFC 7692 examples, the shared window included.
        let mut check = WindowChecker::new(15);
        assert_eq!(check.message(&[0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00]).unwrap(), b"Hello");
        assert_eq!(check.message(&[0xf2, 0x00, 0x11, 0x00, 0x00]).unwrap(), b"Hello");
        assert_eq!(
            check.message(&[0x00, 0x05, 0x00, 0xfa, 0xff, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00]).unwrap(),
            b"Hello"
        );
        assert!(WindowChecker::new(15).message(&[0xf2, 0x00, 0x11, 0x00, 0x00]).is_err(), "no history");
        assert!(WindowChecker::new(15).message(&[0xff, 0xff]).is_err());
    }

    #[test]
    fn a_bomb_inflates_to_what_it_says() {
        let bomb = bomb(6);
        assert!(bomb.len() < 40 << 10, "{}", bomb.len());
        let out = RefInflater::new().message(&bomb).unwrap();
        assert_eq!(out.len(), 6 << 20);
        assert!(out.iter().all(|&b| b == 0));
    }

    #[test]
    fn the_reference_round_trips_large_messages_at_every_window() {
        let data: Vec<u8> = (0..50_000u32).map(|i| (i * 7 % 251) as u8 ^ (i >> 9) as u8).collect();
        for bits in 9..=15 {
            for takeover in [false, true] {
                let mut z = RefDeflater::new(bits, takeover);
                let mut inf = RefInflater::new();
                for _ in 0..2 {
                    assert_eq!(inf.message(&z.message(&data)).unwrap(), data, "{bits} {takeover}");
                }
                let parts = z.fragments(&[b"ab", b"", &data[..1000]]);
                assert_eq!(inf.message(&parts.concat()).unwrap(), [&b"ab"[..], &data[..1000]].concat());
                // An empty last fragment is the byte 00, and the stream
                // goes on correctly after it.
                let parts = z.fragments(&[b"cd", b""]);
                assert_eq!(parts[1], [0x00]);
                assert_eq!(inf.message(&parts.concat()).unwrap(), b"cd");
                assert_eq!(inf.message(&z.message(b"ef")).unwrap(), b"ef");
            }
        }
    }
}
