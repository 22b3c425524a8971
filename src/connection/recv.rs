//! The receive half: frames are decoded from the caller's buffer, unmasked
//! in place, checked, and turned into events. Payloads are described by
//! ranges while the state machine runs, and turned into borrowed events at
//! the end, so that an event can point either into the caller's buffer or
//! into the assembly buffer.

use alloc::vec::Vec;
use core::ops::Range;
use core::str;

use super::send::Sender;
use super::{Chunk, CloseFrame, Event, Message, MessageKind};
use crate::config::{Config, Delivery};
use crate::frame::{apply_mask, CloseCode, HeaderDecoder, HeaderRules, OpCode, Role};
use crate::utf8::{self, Utf8Validator};
use crate::Error;

/// The frame whose header has been read and whose payload is arriving.
#[derive(Debug, Clone, Copy)]
struct FrameInProgress {
    opcode: OpCode,
    fin: bool,
    mask: Option<[u8; 4]>,
    remaining: u64,
    /// Payload bytes already taken, for the mask phase.
    taken: u64,
    /// The payload goes through the assembly buffer.
    buffered: bool,
    /// FIN data frame that opens a message: a whole message in one frame.
    single: bool,
}

impl FrameInProgress {
    /// Unmasks the next piece of payload in place.
    fn unmask(&mut self, piece: &mut [u8]) {
        if let Some(key) = self.mask {
            apply_mask(piece, key, (self.taken % 4) as usize);
        }
        self.taken += piece.len() as u64;
        self.remaining -= piece.len() as u64;
    }
}

/// Where an event's payload lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Src {
    Input,
    Assembly,
}

/// An event described by ranges, before it borrows anything.
#[derive(Debug)]
enum Out {
    Message { kind: MessageKind, src: Src, range: Range<usize> },
    Chunk { kind: MessageKind, range: Range<usize>, first: bool, last: bool },
    Ping { src: Src, range: Range<usize> },
    Pong { src: Src, range: Range<usize> },
    Close { code: CloseCode, src: Src, reason: Range<usize> },
}

/// The receive half's state.
#[derive(Debug, Default)]
pub(crate) struct Receiver {
    decoder: HeaderDecoder,
    frame: Option<FrameInProgress>,
    /// The data message that is open, if any.
    message: Option<MessageKind>,
    /// In chunk delivery, no chunk of the open message was delivered yet.
    chunk_first: bool,
    /// Message assembly, and scratch for control frames split across reads.
    assembly: Vec<u8>,
    /// Where the scratch control payload starts in `assembly`.
    control_start: usize,
    /// Truncate `assembly` at the next call (its contents were lent out).
    truncate_to: Option<usize>,
    utf8: Utf8Validator,
    /// The peer's Close frame arrived.
    pub(crate) close_received: bool,
    /// The transport reached EOF.
    pub(crate) eof: bool,
    /// The sticky error.
    pub(crate) error: Option<Error>,
    /// Text appended to `assembly` (this range) but not validated yet: it
    /// is validated in one pass before the call that appended it returns.
    text_unchecked: Option<(usize, usize)>,
    /// Payload bytes of a held frame (see `whole_message`) already unmasked
    /// and, for text, validated in place.
    held: usize,
}

impl Receiver {
    /// Processes `input` until one event is ready or the input is used up.
    /// Returns the bytes consumed and the event.
    ///
    /// With `hold`, an unfragmented message whose frame is not complete yet
    /// is left unconsumed (the caller's buffer keeps growing until it is
    /// whole) instead of being copied into the assembly buffer.
    pub(crate) fn read<'a>(
        &'a mut self,
        input: &'a mut [u8],
        hold: bool,
        tx: &mut Sender,
        config: &Config,
        rules: &HeaderRules,
    ) -> Result<(usize, Option<Event<'a>>), Error> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        if let Some(len) = self.truncate_to.take() {
            self.assembly.truncate(len);
        }
        if self.close_received || self.eof {
            // RFC 6455 §5.5.1: after a Close, nothing more is processed.
            return Ok((input.len(), None));
        }
        let (consumed, out) = match self.step(input, hold, tx, config, rules) {
            Ok(result) => result,
            Err(e) => return Err(self.fail(e, tx)),
        };
        let Some(out) = out else {
            return Ok((consumed, None));
        };
        let input: &'a [u8] = input;
        if let Out::Message { kind: MessageKind::Text, src: Src::Input, range } = &out {
            // A whole text message in one frame: validated here, once, as it
            // becomes a `&str` (RFC 6455 §8.1).
            return match utf8::validate(&input[range.clone()]) {
                Ok(text) => Ok((consumed, Some(Event::Message(Message::Text(text))))),
                Err(_) => Err(self.fail(Error::InvalidUtf8, tx)),
            };
        }
        let assembly: &'a [u8] = &self.assembly;
        let pick = |src: Src, range: Range<usize>| -> &'a [u8] {
            match src {
                Src::Input => &input[range],
                Src::Assembly => &assembly[range],
            }
        };
        let event = match out {
            Out::Message { kind: MessageKind::Binary, src, range } => Event::Message(Message::Binary(pick(src, range))),
            Out::Message { kind: MessageKind::Text, src, range } => {
                // Already validated as it was assembled; this second pass
                // only produces the `&str` without `unsafe`.
                Event::Message(Message::Text(utf8::validate(pick(src, range)).unwrap_or_default()))
            }
            Out::Chunk { kind, range, first, last } => Event::Chunk(Chunk { kind, data: &input[range], first, last }),
            Out::Ping { src, range } => Event::Ping(pick(src, range)),
            Out::Pong { src, range } => Event::Pong(pick(src, range)),
            Out::Close { code, src, reason } => {
                Event::Close(CloseFrame { code, reason: str::from_utf8(pick(src, reason)).unwrap_or_default() })
            }
        };
        Ok((consumed, Some(event)))
    }

    /// Records a peer fault: the error becomes sticky and the Close frame
    /// that goes with it is queued.
    pub(crate) fn fail(&mut self, error: Error, tx: &mut Sender) -> Error {
        tx.fail(&error);
        self.error = Some(error.clone());
        error
    }

    /// Frees the assembly buffer when no message is being assembled.
    pub(crate) fn release_memory(&mut self) {
        if let Some(len) = self.truncate_to.take() {
            self.assembly.truncate(len);
        }
        if self.assembly.is_empty() {
            self.assembly = Vec::new();
        }
    }

    /// Heap bytes held by the assembly buffer.
    pub(crate) fn heap_size(&self) -> usize {
        self.assembly.capacity()
    }

    /// Whether a frame or message is partly received.
    pub(crate) fn is_mid_message(&self) -> bool {
        self.message.is_some() || self.frame.is_some() || self.decoder.is_mid_header()
    }

    fn step(
        &mut self,
        input: &mut [u8],
        hold: bool,
        tx: &mut Sender,
        config: &Config,
        rules: &HeaderRules,
    ) -> Result<(usize, Option<Out>), Error> {
        if let Some(whole) = self.whole_message(input, hold, config, rules) {
            return whole;
        }
        let result = self.step_frames(input, tx, config, rules);
        // Text assembled during this call is validated before anything is
        // reported, error or event, so the outcome is the same as if each
        // byte had been checked on arrival (RFC 6455 §8.1, fail-fast), at
        // the cost of one validator pass per call rather than per fragment.
        self.check_text()?;
        result
    }

    /// Validates the assembled text not checked yet.
    fn check_text(&mut self) -> Result<(), Error> {
        if let Some((from, to)) = self.text_unchecked.take() {
            self.utf8.feed(&self.assembly[from..to]).map_err(|_| Error::InvalidUtf8)?;
        }
        Ok(())
    }

    fn step_frames(
        &mut self,
        input: &mut [u8],
        tx: &mut Sender,
        config: &Config,
        rules: &HeaderRules,
    ) -> Result<(usize, Option<Out>), Error> {
        let mut pos = 0;
        loop {
            let Some(frame) = &mut self.frame else {
                let (used, header) = self.decoder.decode(&input[pos..], rules)?;
                pos += used;
                let Some(header) = header else {
                    return Ok((pos, None));
                };
                self.start_frame(header.opcode, header.fin, header.mask, header.payload_len, config)?;
                continue;
            };
            let avail = frame.remaining.min((input.len() - pos) as u64) as usize;
            let piece = pos..pos + avail;

            if frame.opcode.is_control() {
                let opcode = frame.opcode;
                if !frame.buffered && avail as u64 == frame.remaining {
                    // The whole control payload is here: no copy.
                    frame.unmask(&mut input[piece.clone()]);
                    self.frame = None;
                    // Text that came first is judged before this frame acts.
                    self.check_text()?;
                    let out = self.control(opcode, Src::Input, piece, &input[..], tx, config)?;
                    return Ok((pos + avail, Some(out)));
                }
                if !frame.buffered {
                    frame.buffered = true;
                    self.control_start = self.assembly.len();
                }
                frame.unmask(&mut input[piece.clone()]);
                self.assembly.extend_from_slice(&input[piece]);
                pos += avail;
                if frame.remaining > 0 {
                    return Ok((pos, None));
                }
                self.frame = None;
                self.check_text()?;
                let range = self.control_start..self.assembly.len();
                self.truncate_to = Some(self.control_start);
                let scratch = core::mem::take(&mut self.assembly);
                let out = self.control(opcode, Src::Assembly, range, &scratch, tx, config);
                self.assembly = scratch;
                return Ok((pos, Some(out?)));
            }

            let kind = self.message.unwrap_or(MessageKind::Binary);
            match config.delivery {
                Delivery::Messages => {
                    if frame.single && !frame.buffered && avail as u64 == frame.remaining {
                        // A whole message in one frame, all in the input:
                        // delivered in place, without a copy.
                        frame.unmask(&mut input[piece.clone()]);
                        self.frame = None;
                        self.message = None;
                        return Ok((pos + avail, Some(Out::Message { kind, src: Src::Input, range: piece })));
                    }
                    frame.buffered = true;
                    frame.unmask(&mut input[piece.clone()]);
                    let from = self.assembly.len();
                    self.assembly.extend_from_slice(&input[piece]);
                    if kind == MessageKind::Text {
                        let start = self.text_unchecked.map_or(from, |(start, _)| start);
                        self.text_unchecked = Some((start, self.assembly.len()));
                    }
                    pos += avail;
                    if frame.remaining > 0 {
                        return Ok((pos, None));
                    }
                    let fin = frame.fin;
                    self.frame = None;
                    if fin {
                        self.check_text()?;
                        self.utf8.finish().map_err(|_| Error::InvalidUtf8)?;
                        self.message = None;
                        self.truncate_to = Some(0);
                        let range = 0..self.assembly.len();
                        return Ok((pos, Some(Out::Message { kind, src: Src::Assembly, range })));
                    }
                }
                Delivery::Chunks => {
                    frame.unmask(&mut input[piece.clone()]);
                    if kind == MessageKind::Text {
                        self.utf8.feed(&input[piece.clone()]).map_err(|_| Error::InvalidUtf8)?;
                    }
                    pos += avail;
                    let complete = frame.remaining == 0;
                    let last = complete && frame.fin;
                    if complete {
                        self.frame = None;
                    }
                    if last {
                        self.utf8.finish().map_err(|_| Error::InvalidUtf8)?;
                        self.message = None;
                    }
                    if avail > 0 || last {
                        let first = core::mem::take(&mut self.chunk_first);
                        return Ok((pos, Some(Out::Chunk { kind, range: piece, first, last })));
                    }
                    if !complete {
                        return Ok((pos, None));
                    }
                }
            }
        }
    }

    /// The fast path for the most common input: a whole, valid, unfragmented
    /// text or binary message at the start of `input`, with no frame or
    /// message in progress. It is unmasked in place and delivered without a
    /// copy. Anything else (a control frame, a fragment, any rule broken)
    /// returns `None` and takes the general path, which gives the same
    /// result for these frames and reports the errors.
    ///
    /// With `hold` (the connection's own input buffer), such a message that
    /// has not fully arrived is left unconsumed, `(0, None)`, so that it is
    /// delivered in place once whole. Each piece is unmasked, and text
    /// validated, as it arrives, while it is in cache; text still fails at
    /// the first bad byte (RFC 6455 §8.1).
    #[inline]
    fn whole_message(
        &mut self,
        input: &mut [u8],
        hold: bool,
        config: &Config,
        rules: &HeaderRules,
    ) -> Option<Result<(usize, Option<Out>), Error>> {
        if self.frame.is_some()
            || self.message.is_some()
            || self.decoder.is_mid_header()
            || config.delivery != Delivery::Messages
            || input.is_empty()
        {
            return None;
        }
        // Not all of it here yet: keep it in the buffer, or let the general
        // path take it piece by piece.
        let wait = if hold { Some(Ok((0, None))) } else { None };
        // FIN set, no RSV bit, opcode 0x1 or 0x2.
        let kind = match input[0] {
            0x81 => MessageKind::Text,
            0x82 => MessageKind::Binary,
            _ => return None,
        };
        let Some(&second) = input.get(1) else { return wait };
        let masked = second & 0x80 != 0;
        if masked != (rules.role == Role::Server) {
            return None;
        }
        let (len, mut header_len) = match second & 0x7F {
            126 => match input.get(2..4) {
                Some(&[a, b]) => (u64::from(u16::from_be_bytes([a, b])), 4),
                _ => return wait,
            },
            127 => match input.get(2..10).and_then(|b| b.first_chunk::<8>()) {
                Some(b) => (u64::from_be_bytes(*b), 10),
                None => return wait,
            },
            short => (u64::from(short), 2),
        };
        // Minimal length encodings only (RFC 6455 §5.2), within the limits.
        let minimal = match header_len {
            4 => len >= 126,
            10 => len > u64::from(u16::MAX) && len >> 63 == 0,
            _ => true,
        };
        if !minimal || len > rules.max_payload || len > config.max_message_size as u64 {
            return None;
        }
        let len = usize::try_from(len).ok()?;
        let mut key = None;
        if masked {
            let Some(k) = input.get(header_len..header_len + 4).and_then(|k| k.first_chunk::<4>()) else {
                return wait;
            };
            key = Some(*k);
            header_len += 4;
        }
        let end = header_len.checked_add(len)?;
        let complete = end <= input.len();
        if !complete && !hold {
            return None;
        }
        // Without `hold`, `held` is 0: nothing was processed in place.
        let done = if hold { self.held } else { 0 };
        let arrived = end.min(input.len());
        let fresh = &mut input[header_len + done..arrived];
        if let Some(key) = key {
            apply_mask(fresh, key, done);
        }
        if kind == MessageKind::Text && (done > 0 || !complete) {
            if done == 0 {
                self.utf8 = Utf8Validator::new();
            }
            let checked = self.utf8.feed(fresh).and_then(|()| if complete { self.utf8.finish() } else { Ok(()) });
            if checked.is_err() {
                self.held = 0;
                return Some(Err(Error::InvalidUtf8));
            }
        }
        if !complete {
            self.held = done + fresh.len();
            return wait;
        }
        self.held = 0;
        Some(Ok((end, Some(Out::Message { kind, src: Src::Input, range: header_len..end }))))
    }

    /// Checks a new frame against the message state (RFC 6455 §5.4) and the
    /// limits, and makes it the frame in progress.
    fn start_frame(
        &mut self,
        opcode: OpCode,
        fin: bool,
        mask: Option<[u8; 4]>,
        len: u64,
        config: &Config,
    ) -> Result<(), Error> {
        let mut single = false;
        match opcode {
            OpCode::Continuation if self.message.is_none() => return Err(Error::UnexpectedContinuation),
            OpCode::Text | OpCode::Binary if self.message.is_some() => return Err(Error::ExpectedContinuation),
            OpCode::Text | OpCode::Binary => {
                self.message = Some(if opcode == OpCode::Text { MessageKind::Text } else { MessageKind::Binary });
                self.utf8 = Utf8Validator::new();
                self.chunk_first = true;
                single = fin;
            }
            _ => {}
        }
        if !opcode.is_control() && config.delivery == Delivery::Messages {
            // Checked against the declared length, before any payload is
            // buffered.
            let total = (self.assembly.len() as u64).saturating_add(len);
            if total > config.max_message_size as u64 {
                return Err(Error::MessageTooLarge { max: config.max_message_size });
            }
        }
        self.frame = Some(FrameInProgress { opcode, fin, mask, remaining: len, taken: 0, buffered: false, single });
        Ok(())
    }

    /// Handles a complete control frame whose unmasked payload is
    /// `buf[range]`.
    fn control(
        &mut self,
        opcode: OpCode,
        src: Src,
        range: Range<usize>,
        buf: &[u8],
        tx: &mut Sender,
        config: &Config,
    ) -> Result<Out, Error> {
        let payload = &buf[range.clone()];
        match opcode {
            OpCode::Ping => {
                // RFC 6455 §5.5.2: "Upon receipt of a Ping frame, an endpoint
                // MUST send a Pong frame in response".
                if config.auto_pong {
                    tx.auto_pong(payload);
                }
                Ok(Out::Ping { src, range })
            }
            OpCode::Pong => Ok(Out::Pong { src, range }),
            _ => {
                // RFC 6455 §5.5.1: the body, if any, starts with a 2-byte code
                // followed by a UTF-8 reason.
                let (code, reason) = match payload.len() {
                    0 => (CloseCode::NO_STATUS, range.end..range.end),
                    1 => return Err(Error::ClosePayloadTooShort),
                    _ => {
                        let code = CloseCode(u16::from_be_bytes([payload[0], payload[1]]));
                        if !code.is_sendable() {
                            return Err(Error::InvalidCloseCode(code.0));
                        }
                        if str::from_utf8(&payload[2..]).is_err() {
                            return Err(Error::InvalidUtf8);
                        }
                        (code, range.start + 2..range.end)
                    }
                };
                self.close_received = true;
                // "If an endpoint receives a Close frame and did not
                // previously send a Close frame, the endpoint MUST send a
                // Close frame in response."
                if config.auto_close_reply && !tx.close_sent {
                    tx.queue_close((code != CloseCode::NO_STATUS).then_some(code), "");
                }
                Ok(Out::Close { code, src, reason })
            }
        }
    }
}
