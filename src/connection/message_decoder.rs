//! The message stage: data frames become messages. It applies RFC 6455
//! §5.4 (fragments and continuations), validates text as UTF-8 fail-fast
//! (§8.1), applies [`Config::max_message_size`] to the bytes it receives
//! (after the payload stage, so the limit bounds transformed sizes too),
//! and delivers whole [`Message`](super::Message)s or
//! [`Chunk`](super::Chunk)s, borrowing from whichever buffer the bytes are
//! in: the input, the payload stage's output, or its own assembly buffer.
//!
//! Events are described by ranges ([`Out`]) while the pipeline runs, and
//! turned into borrowed events at the end.

use alloc::vec::Vec;
use core::ops::Range;

use super::MessageKind;
use crate::config::{Config, Delivery};
use crate::frame::{CloseCode, OpCode};
use crate::utf8::Utf8Validator;
use crate::Error;

/// Where an event's payload lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Src {
    /// The input buffer (the caller's, or the connection's own).
    Input,
    /// The payload stage's output buffer (an extension's transform).
    Payload,
    /// The message stage's assembly buffer.
    Assembly,
}

/// An event described by ranges, before it borrows anything.
#[derive(Debug)]
pub(super) enum Out {
    Message { kind: MessageKind, src: Src, range: Range<usize> },
    Chunk { kind: MessageKind, src: Src, range: Range<usize>, first: bool, last: bool },
    // A piece of the current frame's payload (`Delivery::Frames`); the
    // frame stage has its header and how much of it was taken.
    Frame { src: Src, range: Range<usize> },
    Ping { src: Src, range: Range<usize> },
    Pong { src: Src, range: Range<usize> },
    Close { code: CloseCode, src: Src, reason: Range<usize> },
}

/// The message stage's state.
#[derive(Debug)]
pub(super) struct MessageDecoder {
    /// The data message that is open, if any.
    open: Option<MessageKind>,
    /// The current frame is a FIN frame that opens its message: a whole
    /// message in one frame.
    single: bool,
    /// In chunk delivery, no chunk of the open message was delivered yet.
    chunk_first: bool,
    /// Message assembly, and scratch for control frames split across reads.
    assembly: Vec<u8>,
    /// Truncate `assembly` at the next call (its contents were lent out).
    /// (`usize::MAX`: nothing to truncate; one word, not an `Option`'s two.)
    truncate_to: usize,
    utf8: Utf8Validator,
    /// Text appended to `assembly` (this range) but not validated yet: it
    /// is validated in one pass before the call that appended it returns.
    text_unchecked: Option<(usize, usize)>,
}

impl Default for MessageDecoder {
    fn default() -> Self {
        MessageDecoder {
            open: None,
            single: false,
            chunk_first: false,
            assembly: Vec::new(),
            truncate_to: usize::MAX,
            utf8: Utf8Validator::new(),
            text_unchecked: None,
        }
    }
}

impl MessageDecoder {
    /// Starts a read call: what the last call lent out is dropped.
    #[inline]
    pub(super) fn begin_call(&mut self) {
        let len = core::mem::replace(&mut self.truncate_to, usize::MAX);
        if len != usize::MAX {
            self.assembly.truncate(len);
        }
    }

    /// Whether a data message is open.
    #[inline]
    pub(super) fn is_mid_message(&self) -> bool {
        self.open.is_some()
    }

    /// [`Config::max_message_size`], applied to a message that would hold
    /// `incoming` more bytes than it has now (close code 1009). In chunk
    /// delivery nothing is held, and the limit does not apply.
    #[inline(always)]
    pub(super) fn check_limit(&self, incoming: u64, config: &Config) -> Result<(), Error> {
        let total = (self.assembly.len() as u64).saturating_add(incoming);
        if config.delivery == Delivery::Messages && total > config.max_message_size as u64 {
            return Err(Error::MessageTooLarge { max: config.max_message_size });
        }
        Ok(())
    }

    /// Checks a data frame's header against the message state (RFC 6455
    /// §5.4). Returns whether the frame opens a new message. `declared`
    /// is the payload length when the payload stage passes it through
    /// unchanged: then the limit is checked now, before the payload arrives.
    pub(super) fn begin_frame(
        &mut self,
        opcode: OpCode,
        fin: bool,
        declared: Option<u64>,
        config: &Config,
    ) -> Result<bool, Error> {
        let opens = match opcode {
            OpCode::Continuation if self.open.is_none() => return Err(Error::UnexpectedContinuation),
            OpCode::Text | OpCode::Binary if self.open.is_some() => return Err(Error::ExpectedContinuation),
            OpCode::Text | OpCode::Binary => true,
            _ => false,
        };
        if let Some(len) = declared {
            self.check_limit(len, config)?;
        }
        if opens {
            self.open = Some(if opcode == OpCode::Text { MessageKind::Text } else { MessageKind::Binary });
            self.utf8 = Utf8Validator::new();
            self.chunk_first = true;
        }
        self.single = opens && fin;
        Ok(opens)
    }

    /// Receives the next piece of the open message's payload, `bytes`,
    /// which lie at `range` in `src`. `whole`: the piece is its frame's
    /// whole payload; `last`: the piece ends the message. Returns the event
    /// it completes, if any.
    ///
    /// Pieces from the payload stage's buffer ([`Src::Payload`]) in
    /// message delivery are accumulated there, not here: the buffer holds
    /// the message so far, up to `range.end`, and the payload stage has
    /// applied the limit to it.
    #[inline]
    pub(super) fn receive(
        &mut self,
        bytes: &[u8],
        src: Src,
        range: Range<usize>,
        whole: bool,
        last: bool,
        config: &Config,
    ) -> Result<Option<Out>, Error> {
        let kind = self.open.unwrap_or(MessageKind::Binary);
        match config.delivery {
            Delivery::Messages if src == Src::Payload => self.receive_transformed(kind, bytes, range, last),
            Delivery::Messages => {
                if self.single && whole {
                    // A whole message in one frame, all in one buffer:
                    // delivered where it lies, without a copy.
                    self.open = None;
                    return Ok(Some(Out::Message { kind, src, range }));
                }
                let from = self.assembly.len();
                self.assembly.extend_from_slice(bytes);
                if kind == MessageKind::Text {
                    let start = self.text_unchecked.map_or(from, |(start, _)| start);
                    self.text_unchecked = Some((start, self.assembly.len()));
                }
                if !last {
                    return Ok(None);
                }
                self.check_text()?;
                self.utf8.finish().map_err(|_| Error::InvalidUtf8)?;
                self.open = None;
                self.truncate_to = 0;
                Ok(Some(Out::Message { kind, src: Src::Assembly, range: 0..self.assembly.len() }))
            }
            // Frames take `receive_frame`; a piece that came here anyway is
            // delivered as one of its frame.
            Delivery::Frames => self.receive_frame(bytes, src, range, last, last),
            Delivery::Chunks => {
                if kind == MessageKind::Text {
                    self.utf8.feed(bytes).map_err(|_| Error::InvalidUtf8)?;
                }
                if last {
                    self.utf8.finish().map_err(|_| Error::InvalidUtf8)?;
                    self.open = None;
                }
                if bytes.is_empty() && !last {
                    return Ok(None);
                }
                let first = core::mem::take(&mut self.chunk_first);
                Ok(Some(Out::Chunk { kind, src, range, first, last }))
            }
        }
    }

    /// [`MessageDecoder::begin_frame`] in frame delivery, where nothing is
    /// transformed: a message whose first frame has RSV1 is handed out
    /// compressed, as it arrived.
    pub(super) fn begin_raw_frame(&mut self, opcode: OpCode, fin: bool, rsv: u8, config: &Config) -> Result<(), Error> {
        if self.begin_frame(opcode, fin, None, config)? && rsv & crate::frame::RSV1 != 0 {
            // Its text is compressed: opaque bytes here, not validated.
            self.open = Some(MessageKind::Binary);
        }
        Ok(())
    }

    /// Receives the next piece of the current frame's payload in frame
    /// delivery ([`Delivery::Frames`]). `done`: the piece ends the frame;
    /// `fin`: the frame ends its message. Uncompressed text is validated
    /// fail-fast across the message's frames (RFC 6455 §8.1).
    pub(super) fn receive_frame(
        &mut self,
        bytes: &[u8],
        src: Src,
        range: Range<usize>,
        done: bool,
        fin: bool,
    ) -> Result<Option<Out>, Error> {
        let last = done && fin;
        if self.open == Some(MessageKind::Text) {
            self.utf8.feed(bytes).map_err(|_| Error::InvalidUtf8)?;
            if last {
                self.utf8.finish().map_err(|_| Error::InvalidUtf8)?;
            }
        }
        if last {
            self.open = None;
        }
        if bytes.is_empty() && !done {
            return Ok(None);
        }
        Ok(Some(Out::Frame { src, range }))
    }

    /// [`MessageDecoder::receive`] for a piece of a transformed message in
    /// message delivery: the payload stage's buffer holds the message so far
    /// (up to `range.end`), so nothing is copied here; text is validated
    /// fail-fast on the new bytes (RFC 6455 §8.1). Out of line, to keep the
    /// pass-through path small.
    #[inline(never)]
    fn receive_transformed(
        &mut self,
        kind: MessageKind,
        bytes: &[u8],
        range: Range<usize>,
        last: bool,
    ) -> Result<Option<Out>, Error> {
        if last && range.start == 0 {
            // The whole message in one piece: validated once, as it becomes
            // a `&str`, like a whole frame in the input.
            self.open = None;
            return Ok(Some(Out::Message { kind, src: Src::Payload, range }));
        }
        if kind == MessageKind::Text {
            self.utf8.feed(bytes).map_err(|_| Error::InvalidUtf8)?;
        }
        if !last {
            return Ok(None);
        }
        self.utf8.finish().map_err(|_| Error::InvalidUtf8)?;
        self.open = None;
        Ok(Some(Out::Message { kind, src: Src::Payload, range: 0..range.end }))
    }

    /// Validates the assembled text not checked yet. Text assembled during
    /// a call is validated before anything is reported, error or event, so
    /// the outcome is the same as if each byte had been checked on arrival
    /// (RFC 6455 §8.1, fail-fast), at the cost of one validator pass per
    /// call rather than per fragment.
    #[inline]
    pub(super) fn check_text(&mut self) -> Result<(), Error> {
        if let Some((from, to)) = self.text_unchecked.take() {
            self.utf8.feed(&self.assembly[from..to]).map_err(|_| Error::InvalidUtf8)?;
        }
        Ok(())
    }

    /// Validates, fail-fast, a piece of a whole-frame text message that the
    /// fast path holds in the input until it is complete. `first`: the
    /// first piece; `complete`: the last.
    #[inline]
    pub(super) fn check_held_text(&mut self, piece: &[u8], first: bool, complete: bool) -> Result<(), Error> {
        if first {
            self.utf8 = Utf8Validator::new();
        }
        self.utf8.feed(piece).map_err(|_| Error::InvalidUtf8)?;
        if complete {
            self.utf8.finish().map_err(|_| Error::InvalidUtf8)?;
        }
        Ok(())
    }

    /// Keeps a piece of a control frame's payload that arrived split across
    /// reads, after the assembled message data. `first`: the frame's first
    /// piece. Returns the range the control payload occupies so far.
    pub(super) fn stash_control(&mut self, piece: &[u8], first: bool, start: &mut usize) -> Range<usize> {
        if first {
            *start = self.assembly.len();
        }
        self.assembly.extend_from_slice(piece);
        *start..self.assembly.len()
    }

    /// The stashed control payload at `range` has been handled: it is
    /// dropped at the next call.
    pub(super) fn release_control(&mut self, range: &Range<usize>) {
        self.truncate_to = range.start;
    }

    /// The assembly buffer, which [`Src::Assembly`] ranges index.
    #[inline(always)]
    pub(super) fn assembly(&self) -> &[u8] {
        &self.assembly
    }

    /// Frees the assembly buffer when no message is being assembled.
    pub(super) fn release_memory(&mut self) {
        self.begin_call();
        if self.assembly.is_empty() {
            self.assembly = Vec::new();
        }
    }

    /// Heap bytes held by the assembly buffer.
    pub(super) fn heap_size(&self) -> usize {
        self.assembly.capacity()
    }
}
