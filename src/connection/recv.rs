//! The receive pipeline: it runs the frame stage, the payload stage and the
//! message stage over the input, handles control frames (RFC 6455 §5.5:
//! Ping, Pong and Close, with the auto-reply policies), and turns what the
//! stages describe by ranges into borrowed events.
//!
//! ```text
//! bytes ─> frame stage ──> payload stage ──> message stage ──> Message / Chunk
//!          (header, rules,  (extension        (§5.4 fragments,
//!           unmask)          transform)        UTF-8, limits)
//!              └─> control frames ─> Ping / Pong / Close (+ auto replies)
//! ```

use core::ops::Range;
use core::str;

use super::event::{Chunk, CloseFrame, DataFrame, Event, Message, MessageKind};
use super::fail;
use super::frame_decoder::{FrameDecoder, FrameStep, NotWhole};
use super::message_decoder::{MessageDecoder, Out, Src};
use super::payload::PayloadStage;
#[cfg(feature = "deflate")]
use super::payload::Piece;
use super::send::Sender;
use super::state::RecvState;
use crate::config::{Config, Delivery};
#[cfg(feature = "deflate")]
use crate::extensions::deflate::codec::TAIL;
use crate::frame::{apply_mask, parse_close_body, CloseCode, FrameError, HeaderRules, OpCode};
use crate::utf8;
use crate::Error;

/// The receive half: the three stages and what control frames need.
#[derive(Debug, Default)]
pub(crate) struct Receiver {
    frames: FrameDecoder,
    payload: PayloadStage,
    pub(super) message: MessageDecoder,
    /// Where a control payload split across reads starts in the message
    /// stage's scratch.
    control_start: usize,
    /// Payload bytes of a frame the fast path holds in the connection's own
    /// buffer (see `whole_message`), already unmasked and, for text,
    /// validated in place.
    held: usize,
}

impl Receiver {
    /// Processes `input` until one event is ready or the input is used up.
    /// Returns the bytes consumed and the event. A peer fault fails the
    /// connection (see [`fail`]).
    ///
    /// With `hold`, an unfragmented message whose frame is not complete yet
    /// is left unconsumed (the caller's buffer keeps growing until it is
    /// whole) instead of being copied into the assembly buffer.
    #[inline]
    pub(super) fn read<'a>(
        &'a mut self,
        input: &'a mut [u8],
        hold: bool,
        recv: &mut RecvState,
        tx: &mut Sender,
        config: &Config,
        rules: &HeaderRules,
    ) -> Result<(usize, Option<Event<'a>>), Error> {
        self.message.begin_call();
        self.payload.begin_call();
        let (consumed, out) = match self.step(input, hold, recv, tx, config, rules) {
            Ok(result) => result,
            Err(e) => return Err(fail(recv, tx, e)),
        };
        let Some(out) = out else {
            return Ok((consumed, None));
        };
        let input: &'a [u8] = input;
        if let Out::Message { kind: MessageKind::Text, src: Src::Input, range } = &out {
            // A whole text message in one frame, where it lies: validated
            // here, once, as it becomes a `&str` (RFC 6455 §8.1).
            return match utf8::validate(&input[range.clone()]) {
                Ok(text) => Ok((consumed, Some(Event::Message(Message::Text(text))))),
                Err(_) => Err(fail(recv, tx, Error::InvalidUtf8)),
            };
        }
        let (assembly, payload) = (self.message.assembly(), self.payload.output());
        let pick = |src: Src, range: Range<usize>| -> &'a [u8] {
            match src {
                Src::Input => &input[range],
                Src::Payload => &payload[range],
                Src::Assembly => &assembly[range],
            }
        };
        let event = match out {
            Out::Message { kind: MessageKind::Binary, src, range } => Event::Message(Message::Binary(pick(src, range))),
            Out::Message { kind: MessageKind::Text, src: Src::Payload, range } => {
                // A whole message in the payload stage's output: validated
                // here, once, like one in the input.
                match utf8::validate(pick(Src::Payload, range)) {
                    Ok(text) => Event::Message(Message::Text(text)),
                    Err(_) => return Err(fail(recv, tx, Error::InvalidUtf8)),
                }
            }
            Out::Message { kind: MessageKind::Text, src, range } => {
                // Assembled, so validated as it arrived; this pass only
                // produces the `&str` without `unsafe`.
                Event::Message(Message::Text(utf8::validate(pick(src, range)).unwrap_or_default()))
            }
            Out::Chunk { kind, src, range, first, last } => {
                Event::Chunk(Chunk { kind, data: pick(src, range), first, last })
            }
            Out::Frame { src, range } => Event::Frame(DataFrame::new(pick(src, range), &self.frames)),
            Out::Ping { src, range } => Event::Ping(pick(src, range)),
            Out::Pong { src, range } => Event::Pong(pick(src, range)),
            Out::Close { code, src, reason } => {
                Event::Close(CloseFrame { code, reason: str::from_utf8(pick(src, reason)).unwrap_or_default() })
            }
        };
        Ok((consumed, Some(event)))
    }

    /// Whether a frame or message is partly received.
    pub(super) fn is_mid_message(&self) -> bool {
        self.message.is_mid_message() || self.frames.is_mid_frame() || self.held > 0 || self.payload.transforming()
    }

    /// Frees the buffers no message in progress needs.
    pub(super) fn release_memory(&mut self) {
        self.message.release_memory();
        self.payload.release_memory();
    }

    /// The payload stage, to run a negotiated extension.
    #[cfg_attr(not(feature = "deflate"), allow(dead_code, reason = "only extensions use it"))]
    pub(super) fn payload_mut(&mut self) -> &mut PayloadStage {
        &mut self.payload
    }

    /// Heap bytes held by the receive half's buffers.
    pub(super) fn heap_size(&self) -> usize {
        self.message.heap_size() + self.payload.heap_size()
    }

    #[inline]
    fn step(
        &mut self,
        input: &mut [u8],
        hold: bool,
        recv: &mut RecvState,
        tx: &mut Sender,
        config: &Config,
        rules: &HeaderRules,
    ) -> Result<(usize, Option<Out>), Error> {
        if let Some(whole) = self.whole_message(input, hold, config, rules) {
            return whole;
        }
        #[cfg(feature = "deflate")]
        if let Some(whole) = self.whole_compressed(input, config, rules) {
            return whole;
        }
        let result = self.step_frames(input, recv, tx, config, rules);
        // Text assembled during this call is judged before anything is
        // reported, error or event.
        self.message.check_text()?;
        result
    }

    /// The general path: one stage after the other, frame by frame, until
    /// an event is ready or the input is used up.
    fn step_frames(
        &mut self,
        input: &mut [u8],
        recv: &mut RecvState,
        tx: &mut Sender,
        config: &Config,
        rules: &HeaderRules,
    ) -> Result<(usize, Option<Out>), Error> {
        let mut pos = 0;
        // Inflated output still pending from input already taken goes first
        // (chunk delivery bounds each piece). Output is pending only after
        // a call that returned a chunk, so only at the start of a call.
        #[cfg(feature = "deflate")]
        if let Some(piece) = self.payload.drain(config) {
            let Piece { range, last, .. } = piece?;
            let bytes = &self.payload.output()[range.clone()];
            if let Some(out) = self.message.receive(bytes, Src::Payload, range, false, last, config)? {
                return Ok((pos, Some(out)));
            }
        }
        loop {
            let start = pos;
            let step = self.frames.next(input, &mut pos, rules)?;
            let header = self.frames.header();
            match step {
                FrameStep::NeedInput => return Ok((pos, None)),
                // RFC 7692 §6.1: RSV1 is set on the first frame of a
                // compressed message only, never on a continuation or
                // control frame (the frame stage let it through because
                // permessage-deflate owns it).
                FrameStep::Header if header.rsv != 0 && !matches!(header.opcode, OpCode::Text | OpCode::Binary) => {
                    return Err(Error::Frame(FrameError::ReservedBits(header.rsv)));
                }
                FrameStep::Header if header.opcode.is_control() => {}
                FrameStep::Header if config.delivery == Delivery::Frames => {
                    self.message.begin_raw_frame(header.opcode, header.fin, header.rsv, config)?;
                }
                FrameStep::Header => {
                    // Bytes that pass through are limited by the declared
                    // length now; transformed ones as they are produced. (A
                    // new message's RSV1 says it will be transformed; a
                    // continuation carries no RSV bit.)
                    let passes = header.rsv == 0 && !self.payload.transforming();
                    let declared = passes.then_some(header.payload_len);
                    if self.message.begin_frame(header.opcode, header.fin, declared, config)? {
                        self.payload.begin_message(header.rsv);
                    }
                }
                FrameStep::Payload { first, done } if header.opcode.is_control() => {
                    let opcode = header.opcode;
                    if first && done {
                        // The whole control payload is here: no copy. Text
                        // that came first is judged before this frame acts.
                        self.message.check_text()?;
                        let out = control(opcode, Src::Input, start..pos, input, recv, tx, config)?;
                        return Ok((pos, Some(out)));
                    }
                    let range = self.message.stash_control(&input[start..pos], first, &mut self.control_start);
                    if !done {
                        continue;
                    }
                    self.message.check_text()?;
                    self.message.release_control(&range);
                    let out = control(opcode, Src::Assembly, range, self.message.assembly(), recv, tx, config)?;
                    return Ok((pos, Some(out)));
                }
                FrameStep::Payload { done, .. } if config.delivery == Delivery::Frames => {
                    let fin = header.fin;
                    if let Some(out) =
                        self.message.receive_frame(&input[start..pos], Src::Input, start..pos, done, fin)?
                    {
                        return Ok((pos, Some(out)));
                    }
                }
                FrameStep::Payload { first, done } if !self.payload.transforming() => {
                    let (last, bytes) = (done && header.fin, &input[start..pos]);
                    if let Some(out) =
                        self.message.receive(bytes, Src::Input, start..pos, first && done, last, config)?
                    {
                        return Ok((pos, Some(out)));
                    }
                }
                #[cfg(feature = "deflate")]
                FrameStep::Payload { done, .. } => {
                    let piece = self.payload.transform(&input[start..pos], done && header.fin, config)?;
                    let Piece { range, consumed, last } = piece;
                    // Bounded output took only part of the piece: the rest is
                    // given back, to be presented again.
                    let unused = pos - start - consumed;
                    self.frames.give_back(input, &mut pos, unused);
                    let bytes = &self.payload.output()[range.clone()];
                    if let Some(out) = self.message.receive(bytes, Src::Payload, range, false, last, config)? {
                        return Ok((pos, Some(out)));
                    }
                }
                #[cfg(not(feature = "deflate"))]
                FrameStep::Payload { .. } => unreachable!("no transform runs without an extension"),
            }
        }
    }

    /// The fast path for the most common input: a whole, valid, unfragmented
    /// text or binary message at the start of `input`, with no frame or
    /// message in progress. It is unmasked in place and delivered without a
    /// copy. Anything else (a control frame, a fragment, any rule broken)
    /// returns `None` and takes the general path, which gives the same
    /// result for these frames and reports the errors: the header is
    /// checked by the frame stage's rules and the size by the message
    /// stage's limit, the same functions the general path calls.
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
        if self.frames.is_mid_frame() || self.message.is_mid_message() || config.delivery != Delivery::Messages {
            return None;
        }
        // Not all of it here yet: keep it in the buffer, or let the general
        // path take it piece by piece.
        let wait = if hold { Some(Ok((0, None))) } else { None };
        let frame = match self.frames.whole_data_frame::<false>(input, rules) {
            Ok(frame) => frame,
            Err(NotWhole::Incomplete) => return wait,
            Err(NotWhole::Other) => return None,
        };
        self.message.check_limit(frame.len as u64, config).ok()?;
        let kind = if frame.opcode == OpCode::Text { MessageKind::Text } else { MessageKind::Binary };
        let end = frame.header_len.checked_add(frame.len)?;
        let complete = end <= input.len();
        if !complete && !hold {
            return None;
        }
        // Without `hold`, `held` is 0: nothing was processed in place.
        let done = if hold { self.held } else { 0 };
        let arrived = end.min(input.len());
        let fresh = &mut input[frame.header_len + done..arrived];
        if let Some(key) = frame.mask {
            apply_mask(fresh, key, done);
        }
        if kind == MessageKind::Text && (done > 0 || !complete) {
            if let Err(e) = self.message.check_held_text(fresh, done == 0, complete) {
                self.held = 0;
                return Some(Err(e));
            }
        }
        if !complete {
            self.held = done + fresh.len();
            return wait;
        }
        self.held = 0;
        Some(Ok((end, Some(Out::Message { kind, src: Src::Input, range: frame.header_len..end }))))
    }
}

impl Receiver {
    /// [`Receiver::whole_message`] for a compressed frame: one that has
    /// fully arrived is inflated in one step into the payload stage's
    /// buffer (the limit applies there) and delivered from it, through the
    /// stages' own calls but without the resumable header decoder. One
    /// arriving in pieces, or anything else, takes the general path, which
    /// inflates each piece as it comes. Out of line: plain frames never
    /// come here.
    #[cfg(feature = "deflate")]
    #[inline(never)]
    fn whole_compressed(
        &mut self,
        input: &mut [u8],
        config: &Config,
        rules: &HeaderRules,
    ) -> Option<Result<(usize, Option<Out>), Error>> {
        if self.frames.is_mid_frame() || self.message.is_mid_message() || config.delivery != Delivery::Messages {
            return None;
        }
        let frame = self.frames.whole_data_frame::<true>(input, rules).ok()?;
        let end = frame.header_len.checked_add(frame.len).filter(|&end| end <= input.len())?;
        if let Some(key) = frame.mask {
            apply_mask(&mut input[frame.header_len..end], key, 0);
        }
        // RFC 7692 §7.2.2: the tail is appended before inflating. When the
        // next 4 bytes are in `input` too, they lend their place to it for
        // the call (and are put back), so payload and tail inflate in one.
        let tail = TAIL.len();
        let lent = input.get_mut(end..end + tail).map(|after| {
            let saved: [u8; TAIL.len()] = [after[0], after[1], after[2], after[3]];
            after.copy_from_slice(&TAIL);
            saved
        });
        let with_tail = if lent.is_some() { end + tail } else { end };
        let result = (|| {
            self.message.begin_frame(frame.opcode, true, None, config)?;
            self.payload.begin_message(crate::frame::RSV1);
            let piece = self.payload.transform_whole(&input[frame.header_len..with_tail], lent.is_some(), config);
            let Piece { range, last, .. } = piece?;
            let bytes = &self.payload.output()[range.clone()];
            let out = self.message.receive(bytes, Src::Payload, range, false, last, config)?;
            Ok((end, out))
        })();
        if let Some(saved) = lent {
            input[end..end + tail].copy_from_slice(&saved);
        }
        Some(result)
    }
}

/// Handles a complete control frame whose unmasked payload is
/// `buf[range]`.
fn control(
    opcode: OpCode,
    src: Src,
    range: Range<usize>,
    buf: &[u8],
    recv: &mut RecvState,
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
            let (code, reason_start) = parse_close_body(payload)?;
            let reason = range.start + reason_start..range.end;
            recv.move_to_close_received();
            // "If an endpoint receives a Close frame and did not
            // previously send a Close frame, the endpoint MUST send a
            // Close frame in response."
            if config.auto_close_reply {
                tx.reply_close((code != CloseCode::NO_STATUS).then_some(code));
            }
            Ok(Out::Close { code, src, reason })
        }
    }
}
