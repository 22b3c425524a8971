//! The zlib-rs streams behind permessage-deflate: an [`Inflater`] for the
//! receive pipeline's payload stage and a [`Compressor`] for the send half.
//! Both make their zlib state on first use, so a connection that never
//! sends (or receives) a compressed message holds none.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::ops::Range;

use zlib_rs::{Deflate, DeflateFlush, Inflate, InflateFlush, Status, Strategy};

use crate::frame::CloseCode;
use crate::Error;

/// RFC 7692 §7.2.2: the receiver appends these 4 bytes (an empty stored
/// block's LEN and NLEN) to a message's payload before inflating; the
/// sender removes them from its sync-flushed output (§7.2.1).
pub(crate) const TAIL: [u8; 4] = [0x00, 0x00, 0xff, 0xff];

/// The error for a payload that does not inflate. Close code 1007: the
/// frames are well formed, but the message's data is not consistent with
/// its type, which says "DEFLATE stream" (RFC 6455 §7.4.1).
pub(crate) const INVALID_DATA: Error =
    Error::Extension { code: CloseCode::INVALID_PAYLOAD, reason: "compressed payload does not inflate" };

/// The first size of the output buffer of whole-message inflation.
const FIRST_OUTPUT: usize = 4 << 10;

/// How inflated output is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Output {
    /// The whole message, accumulated (at most `limit` bytes: past it,
    /// [`Error::MessageTooLarge`]).
    Whole { limit: usize },
    /// Pieces of at most `cap` bytes, each lent out before the next.
    Chunks { cap: usize },
}

/// What one inflation step did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Inflated {
    /// Input bytes taken (in [`Output::Chunks`], perhaps fewer than given).
    pub(crate) consumed: usize,
    /// The new output, in [`Inflater::output`].
    pub(crate) range: Range<usize>,
    /// The message is complete: all of it was inflated.
    pub(crate) finished: bool,
}

/// The receive side: one zlib inflate stream and its output buffer.
pub(crate) struct Inflater {
    stream: Option<Box<Inflate>>,
    /// The peer resets its compressor after each message, so we reset too
    /// (and may free the stream between messages).
    reset_each: bool,
    /// Output; every byte is initialised, `filled` are in use.
    buf: Vec<u8>,
    filled: usize,
    /// Bytes of [`TAIL`] fed for the message in progress.
    tail_fed: usize,
    /// The stream ended (a BFINAL block) in the message in progress.
    ended: bool,
    /// The last message payload byte was taken (only the tail and the
    /// output may be left).
    input_done: bool,
    /// [`Output::Chunks`]: the output filled up, so more may be pending.
    pending: bool,
}

impl core::fmt::Debug for Inflater {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Inflater")
            .field("has_stream", &self.stream.is_some())
            .field("reset_each", &self.reset_each)
            .field("filled", &self.filled)
            .finish_non_exhaustive()
    }
}

impl Inflater {
    pub(crate) fn new(reset_each: bool) -> Inflater {
        Inflater {
            stream: None,
            reset_each,
            buf: Vec::new(),
            filled: 0,
            tail_fed: 0,
            ended: false,
            input_done: false,
            pending: false,
        }
    }

    /// The output buffer that [`Inflated::range`] indexes.
    #[inline]
    pub(crate) fn output(&self) -> &[u8] {
        &self.buf[..self.filled]
    }

    /// Drops the output of a message that was lent out.
    #[inline]
    pub(crate) fn clear_output(&mut self) {
        self.filled = 0;
    }

    /// Output may be pending without more input ([`Output::Chunks`]).
    #[inline]
    pub(crate) fn has_pending(&self) -> bool {
        self.pending
    }

    /// Inflates the next piece of a message's payload. `last`: the piece
    /// ends the message's payload (the tail is then fed too). With
    /// [`Output::Chunks`], the output of earlier calls is dropped, and the
    /// step stops when `cap` bytes are out; call [`Inflater::drain`] while
    /// [`Inflater::has_pending`].
    pub(crate) fn inflate(&mut self, input: &[u8], last: bool, output: Output) -> Result<Inflated, Error> {
        if let Output::Chunks { .. } = output {
            self.filled = 0;
        }
        let start = self.filled;
        let consumed = self.run(input, last, output)?;
        if last && consumed == input.len() {
            self.input_done = true;
        }
        let finished = self.input_done && (self.ended || self.tail_fed == TAIL.len()) && !self.pending;
        if finished {
            self.finish_message();
        }
        Ok(Inflated { consumed, range: start..self.filled, finished })
    }

    /// Inflates a whole message's payload in one step, into the output
    /// buffer (at most `limit` bytes). `tail_included`: `input` already
    /// ends with [`TAIL`], so zlib gets payload and tail in one call,
    /// which saves a second pass through its entry and mode dispatch
    /// (about 450 instructions for a 300-byte JSON text).
    ///
    /// The common case, a message whose output fits the buffer, is one
    /// zlib call and no loop; anything else (the first message, before the
    /// buffer exists; output that fills it; a stream that ends) goes on
    /// through [`Inflater::inflate`] from where that call stopped.
    #[inline]
    pub(crate) fn inflate_whole(&mut self, input: &[u8], tail_included: bool, limit: usize) -> Result<Inflated, Error> {
        debug_assert!(self.filled == 0 && self.tail_fed == 0 && !self.ended && !self.input_done && !self.pending);
        let mut used = 0;
        if let (true, Some(stream)) = (tail_included && !self.buf.is_empty(), self.stream.as_deref_mut()) {
            // Room for one byte past the limit, so that reaching it shows.
            let cap = self.buf.len().min(limit.saturating_add(1));
            let (in_before, out_before) = (stream.total_in(), stream.total_out());
            let status = stream.decompress(input, &mut self.buf[..cap], InflateFlush::SyncFlush);
            used = (stream.total_in() - in_before) as usize;
            let wrote = (stream.total_out() - out_before) as usize;
            self.filled = wrote;
            match status {
                Err(_) => return Err(INVALID_DATA),
                Ok(Status::StreamEnd) => self.ended = true,
                Ok(Status::Ok | Status::BufError) => {}
            }
            if wrote > limit {
                // RFC 7692 §8.1 leaves the limit to the endpoint.
                return Err(Error::MessageTooLarge { max: limit });
            }
            if used == input.len() && wrote < cap && !self.ended {
                // All of payload and tail taken, with room to spare.
                if self.reset_each {
                    stream.reset(false);
                }
                return Ok(Inflated { consumed: used, range: 0..wrote, finished: true });
            }
        }
        // Go on as if the tail had been left apart: what is left of the
        // payload, then whatever of the tail zlib has not taken. (A stream
        // that ended right at the payload's end needs no tail, and one that
        // goes on after its end must not be given the tail as payload.)
        let payload_len = input.len() - if tail_included { TAIL.len() } else { 0 };
        let taken = used.min(payload_len);
        self.tail_fed = used - taken;
        let rest = self.inflate(&input[taken..payload_len], true, Output::Whole { limit })?;
        Ok(Inflated { consumed: taken + rest.consumed, range: 0..rest.range.end, finished: rest.finished })
    }

    /// Inflates output pending from earlier input ([`Output::Chunks`]).
    pub(crate) fn drain(&mut self, output: Output) -> Result<Inflated, Error> {
        let last = self.input_done;
        self.pending = false;
        self.inflate(&[], last, output)
    }

    fn run(&mut self, input: &[u8], last: bool, output: Output) -> Result<usize, Error> {
        let stream = self.stream.get_or_insert_with(|| Box::new(Inflate::new(false, 15)));
        let mut consumed = 0;
        self.pending = false;
        loop {
            if self.ended && consumed < input.len() {
                // RFC 7692 §7.2.3.4: after a block with BFINAL set, the
                // payload may go on (its example ends with `00`, which the
                // appended tail makes an empty stored block); what follows
                // is inflated as a new DEFLATE stream, so garbage still fails.
                stream.reset(false);
                self.ended = false;
            }
            let src: &[u8] = if consumed < input.len() {
                &input[consumed..]
            } else if last && !self.ended && self.tail_fed < TAIL.len() {
                &TAIL[self.tail_fed..]
            } else {
                &[]
            };
            if self.filled == self.buf.len() {
                let cap = match output {
                    Output::Whole { limit } => limit.saturating_add(1),
                    Output::Chunks { cap } => cap,
                };
                if self.buf.len() >= cap {
                    match output {
                        // Past the limit: RFC 7692 §8.1 leaves the limit to
                        // the endpoint; this one stops inflating here.
                        Output::Whole { limit } => return Err(Error::MessageTooLarge { max: limit }),
                        Output::Chunks { .. } => {
                            self.pending = true;
                            return Ok(consumed);
                        }
                    }
                }
                let grown = (self.buf.len() * 2).max(FIRST_OUTPUT).min(cap);
                self.buf.reserve_exact(grown - self.buf.len());
                self.buf.resize(grown, 0);
            }
            let (in_before, out_before) = (stream.total_in(), stream.total_out());
            let status = stream.decompress(src, &mut self.buf[self.filled..], InflateFlush::SyncFlush);
            let used = (stream.total_in() - in_before) as usize;
            let wrote = (stream.total_out() - out_before) as usize;
            self.filled += wrote;
            if consumed < input.len() {
                consumed += used;
            } else {
                self.tail_fed += used;
            }
            match status {
                Err(_) => return Err(INVALID_DATA),
                Ok(Status::StreamEnd) => self.ended = true,
                Ok(Status::Ok | Status::BufError) => {}
            }
            if used == src.len() && self.filled < self.buf.len() {
                // zlib took all of `src` with room to spare: nothing of it
                // is pending, so no empty call is needed to find that out.
                let more = consumed < input.len() || (last && !self.ended && self.tail_fed < TAIL.len());
                if !more {
                    return Ok(consumed);
                }
                continue;
            }
            if used == 0 && wrote == 0 {
                if src.is_empty() || (self.ended && consumed == input.len()) {
                    return Ok(consumed);
                }
                if self.ended {
                    continue;
                }
                if self.filled < self.buf.len() {
                    // Input and room, and no progress: zlib is stuck.
                    return Err(INVALID_DATA);
                }
            }
        }
    }

    /// The message is complete: the stream is reset for the next one when
    /// the peer does not take its context over (or its stream ended).
    fn finish_message(&mut self) {
        if self.reset_each || self.ended {
            if let Some(stream) = &mut self.stream {
                stream.reset(false);
            }
        }
        self.tail_fed = 0;
        self.ended = false;
        self.input_done = false;
        self.pending = false;
    }

    /// Frees the output buffer between messages (the stream holds the
    /// context taken over).
    pub(crate) fn release_memory(&mut self) {
        if self.filled == 0 && !self.pending {
            self.buf = Vec::new();
        }
    }

    /// Heap bytes held by the output buffer (zlib's own state is not
    /// counted).
    pub(crate) fn heap_size(&self) -> usize {
        self.buf.capacity()
    }
}

/// The zlib parameters of our compressor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CompressorSettings {
    pub(crate) min_size: u32,
    pub(crate) window_bits: u8,
    pub(crate) level: u8,
    pub(crate) mem_level: u8,
    pub(crate) reset_each: bool,
}

/// The send side: one zlib deflate stream.
pub(crate) struct Compressor {
    stream: Option<Box<Deflate>>,
    settings: CompressorSettings,
    /// A fragmented compressed message is open.
    mid_message: bool,
}

impl core::fmt::Debug for Compressor {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Compressor")
            .field("has_stream", &self.stream.is_some())
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl Compressor {
    pub(crate) fn new(settings: CompressorSettings) -> Compressor {
        Compressor { stream: None, settings, mid_message: false }
    }

    fn stream(&mut self) -> &mut Deflate {
        let s = self.settings;
        self.stream.get_or_insert_with(|| {
            // zlib makes no raw stream with an 8-bit window; a 9-bit one
            // with only distance-1 matches (run-length) fits in 256 bytes.
            let (window_bits, strategy) =
                if s.window_bits <= 8 { (9, Strategy::Rle) } else { (s.window_bits.min(15), Strategy::Default) };
            Box::new(Deflate::new_with_config(zlib_rs::DeflateConfig {
                level: i32::from(s.level.min(9)),
                method: zlib_rs::Method::Deflated,
                window_bits: -i32::from(window_bits),
                mem_level: i32::from(s.mem_level.clamp(1, 9)),
                strategy,
            }))
        })
    }

    /// Appends `data`, compressed and sync-flushed, to `out`. `fin`: the
    /// data ends its message, so the flush's `00 00 ff ff` is removed
    /// (RFC 7692 §7.2.1; an empty message becomes the single byte `00`)
    /// and, without context takeover, the stream is reset.
    pub(crate) fn compress(&mut self, data: &[u8], fin: bool, out: &mut Vec<u8>) -> Result<(), ()> {
        let reset_each = self.settings.reset_each;
        let stream = self.stream();
        let mut consumed = 0;
        let start = out.len();
        let mut end = start;
        loop {
            // Room for the input's worst case (stored blocks) at once.
            let room = (data.len() - consumed) + (data.len() - consumed) / 16 + 64;
            out.resize(end + room, 0);
            let (in_before, out_before) = (stream.total_in(), stream.total_out());
            let status = stream.compress(&data[consumed..], &mut out[end..], DeflateFlush::SyncFlush);
            consumed += (stream.total_in() - in_before) as usize;
            end += (stream.total_out() - out_before) as usize;
            if status.is_err() {
                out.truncate(end);
                return Err(());
            }
            // Done when all input is taken and the flush fit (room left).
            if consumed == data.len() && end < out.len() {
                break;
            }
        }
        out.truncate(end);
        self.mid_message = !fin;
        if fin {
            if end == start {
                // Nothing new since the last fragment's flush, which left
                // the stream on a byte boundary: the byte 00 opens the
                // empty stored block that the receiver's tail completes.
                out.push(0x00);
            } else {
                debug_assert!(out[start..].ends_with(&TAIL), "a sync flush ends with an empty stored block");
                out.truncate(out.len() - TAIL.len());
            }
            if reset_each {
                self.stream().reset();
            }
        }
        Ok(())
    }

    /// A fragmented compressed message is open.
    pub(crate) fn is_mid_message(&self) -> bool {
        self.mid_message
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compressed(settings: CompressorSettings, messages: &[&[u8]]) -> Vec<Vec<u8>> {
        let mut c = Compressor::new(settings);
        messages
            .iter()
            .map(|m| {
                let mut out = Vec::new();
                c.compress(m, true, &mut out).unwrap();
                out
            })
            .collect()
    }

    const SETTINGS: CompressorSettings =
        CompressorSettings { window_bits: 12, level: 6, mem_level: 5, reset_each: false, min_size: 0 };

    #[test]
    fn an_empty_message_is_the_single_byte_00() {
        assert_eq!(compressed(SETTINGS, &[b""]), [[0x00]]);
    }

    #[test]
    fn the_rfc_7692_examples_inflate() {
        // RFC 7692 §7.2.3.1: "Hello" compressed, and §7.2.3.2 the same
        // message again with context takeover.
        let mut inflater = Inflater::new(false);
        let whole = Output::Whole { limit: 100 };
        let first = inflater.inflate(&[0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00], true, whole).unwrap();
        assert!(first.finished);
        assert_eq!(&inflater.output()[first.range], b"Hello");
        inflater.clear_output();
        let second = inflater.inflate(&[0xf2, 0x00, 0x11, 0x00, 0x00], true, whole).unwrap();
        assert_eq!(&inflater.output()[second.range], b"Hello");
        // §7.2.3.3: a stored (uncompressed) block.
        let mut inflater = Inflater::new(true);
        let stored = inflater.inflate(&[0x00, 0x05, 0x00, 0xfa, 0xff, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00], true, whole);
        assert_eq!(&inflater.output()[stored.unwrap().range], b"Hello");
    }

    #[test]
    fn round_trips_with_every_window_and_both_takeovers() {
        let messages: Vec<Vec<u8>> =
            (0..20).map(|i| (0..i * 97).map(|j| b"abcabd{}\"x"[(j * 7 + i) % 10]).collect()).collect();
        let refs: Vec<&[u8]> = messages.iter().map(|m| &m[..]).collect();
        for window_bits in 8..=15 {
            for reset_each in [false, true] {
                let settings = CompressorSettings { window_bits, reset_each, ..SETTINGS };
                let mut inflater = Inflater::new(reset_each);
                for (message, wire) in messages.iter().zip(compressed(settings, &refs)) {
                    inflater.clear_output();
                    let got = inflater.inflate(&wire, true, Output::Whole { limit: 1 << 20 }).unwrap();
                    assert!(got.finished);
                    assert_eq!(&inflater.output()[got.range], &message[..], "{window_bits} {reset_each}");
                }
            }
        }
    }

    #[test]
    fn a_bomb_stops_at_the_limit() {
        let mut c = Compressor::new(SETTINGS);
        let mut wire = Vec::new();
        c.compress(&alloc::vec![0u8; 4 << 20], true, &mut wire).unwrap();
        assert!(wire.len() < 8 << 10, "{}", wire.len());
        let mut inflater = Inflater::new(false);
        let err = inflater.inflate(&wire, true, Output::Whole { limit: 1 << 20 });
        assert_eq!(err, Err(Error::MessageTooLarge { max: 1 << 20 }));
        assert!(inflater.buf.capacity() <= (1 << 20) + 1, "{}", inflater.buf.capacity());
    }

    #[test]
    fn chunks_are_bounded_and_drained() {
        let data: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        let mut wire = Vec::new();
        Compressor::new(SETTINGS).compress(&data, true, &mut wire).unwrap();
        let mut inflater = Inflater::new(false);
        let mut got = Vec::new();
        let mut at = 0;
        loop {
            let step = if inflater.has_pending() {
                inflater.drain(Output::Chunks { cap: 1000 }).unwrap()
            } else {
                let step = inflater.inflate(&wire[at..], true, Output::Chunks { cap: 1000 }).unwrap();
                at += step.consumed;
                step
            };
            assert!(step.range.len() <= 1000);
            got.extend_from_slice(&inflater.output()[step.range]);
            if step.finished {
                break;
            }
        }
        assert_eq!(at, wire.len());
        assert_eq!(got, data);
    }

    #[test]
    fn garbage_does_not_inflate() {
        let mut inflater = Inflater::new(false);
        // BTYPE 11 is reserved.
        assert_eq!(inflater.inflate(&[0xff, 0xff, 0xff], true, Output::Whole { limit: 100 }), Err(INVALID_DATA));
        // Garbage after a final block.
        let mut inflater = Inflater::new(false);
        let step = inflater.inflate(&[0x03, 0x00], false, Output::Whole { limit: 100 }).unwrap();
        assert!(!step.finished);
        assert_eq!(inflater.inflate(&[0xff], true, Output::Whole { limit: 100 }), Err(INVALID_DATA));
        // RFC 7692 §7.2.3.4: a final block, then `00`.
        let mut inflater = Inflater::new(false);
        let got =
            inflater.inflate(&[0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x00], true, Output::Whole { limit: 100 });
        assert_eq!(inflater.output(), b"Hello", "{got:?}");
        // And the next message inflates as well.
        inflater.clear_output();
        let next = inflater.inflate(&[0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00], true, Output::Whole { limit: 100 });
        assert!(next.unwrap().finished);
        assert_eq!(inflater.output(), b"Hello");
    }
}
