//! A reference for permessage-deflate (RFC 7692) that does not use the
//! crate's compressor or inflater: zlib-rs driven directly, and the wire
//! read back with the kit's own frame parser ([`crate::frames`]).
//!
//! - [`RefDeflater`] compresses messages as RFC 7692 §7.2.1 says a sender
//!   does (sync flush, the 4-byte tail removed), with or without context
//!   takeover, at any window size 9..=15;
//! - [`RefInflater`] inflates a message's payload with the tail appended
//!   (§7.2.2);
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
        // §7.2.3.6 / §7.2.1: an empty message is the single byte 00.
        assert_eq!(RefDeflater::new(15, false).message(b""), [0x00]);
        let mut inf = RefInflater::new();
        assert_eq!(inf.message(&[0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00]).unwrap(), b"Hello");
        assert_eq!(inf.message(&[0xf2, 0x00, 0x11, 0x00, 0x00]).unwrap(), b"Hello");
        // §7.2.3.3: a stored block.
        assert_eq!(inf.message(&[0x00, 0x05, 0x00, 0xfa, 0xff, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00]).unwrap(), b"Hello");
        assert!(RefInflater::new().message(&[0xff, 0xff, 0xff]).is_err());
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
