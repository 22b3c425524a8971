//! The payload stage, between the frame stage and the message stage: the
//! place where a negotiated extension transforms each data message's
//! payload (RFC 6455 §9.1: extensions apply to the data in the order the
//! server listed them). permessage-deflate (RFC 7692) inflates here.
//!
//! It is told when a data message begins, with the RSV bits of the
//! message's first frame (the frame stage has already refused any RSV bit
//! that no negotiated extension owns), and it turns each unmasked payload
//! piece into the bytes the message stage receives: either the same bytes
//! where they lie ([`Piece::Input`]) or output in a buffer of its own
//! ([`Piece::Output`]), from which events borrow.
//!
//! Inflated output is bounded: in [`Delivery::Messages`](crate::Delivery::Messages)
//! the message limit applies to the inflated size while inflating, and in
//! [`Delivery::Chunks`](crate::Delivery::Chunks) each piece holds at most [`CHUNK_OUTPUT`] bytes.
//! A piece may then take only part of its input; the frame stage gives
//! the rest back, to be presented again.

#[cfg(feature = "deflate")]
use core::ops::Range;

#[cfg(feature = "deflate")]
use crate::config::Config;
#[cfg(feature = "deflate")]
use crate::config::Delivery;
#[cfg(feature = "deflate")]
use crate::Error;

/// The most inflated bytes one chunk carries in [`Delivery::Chunks`].
#[cfg_attr(not(feature = "deflate"), allow(dead_code, reason = "used by the deflate transform"))]
pub(super) const CHUNK_OUTPUT: usize = 32 << 10;

/// What the transform made of a piece: output in the stage's own buffer
/// ([`PayloadStage::output`]). (A message that is not transformed passes
/// through: its pieces stay where they lie in the input.)
#[cfg(feature = "deflate")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Piece {
    /// The new bytes. In whole-message delivery the buffer holds the whole
    /// message so far, which ends here.
    pub(super) range: Range<usize>,
    /// Input bytes taken; the frame stage gives back the rest.
    pub(super) consumed: usize,
    /// The message is complete.
    pub(super) last: bool,
}

/// The payload stage's state: the transform of the message in progress.
#[derive(Debug, Default)]
pub(super) struct PayloadStage {
    /// permessage-deflate's decompressor, made on the first compressed
    /// message once the extension was negotiated, and dropped between
    /// messages by `release_memory` when the peer takes no context over.
    #[cfg(feature = "deflate")]
    inflater: Option<alloc::boxed::Box<crate::extensions::deflate::codec::Inflater>>,
    /// permessage-deflate was negotiated.
    #[cfg(feature = "deflate")]
    inflate_on: bool,
    /// The peer resets its compressor after each message.
    #[cfg(feature = "deflate")]
    inflate_reset_each: bool,
    /// The message in progress is transformed (compressed): kept here, not
    /// behind the box, so that the pass-through path tests one byte.
    #[cfg(feature = "deflate")]
    transforming: bool,
    /// The transform's output was lent out with an event: it is dropped at
    /// the next call.
    #[cfg(feature = "deflate")]
    lent: bool,
}

impl PayloadStage {
    /// Runs permessage-deflate's decompressor; `reset_each`: the peer
    /// takes no context over.
    #[cfg(feature = "deflate")]
    pub(super) fn enable_inflate(&mut self, reset_each: bool) {
        self.inflate_on = true;
        self.inflate_reset_each = reset_each;
    }

    /// Starts a read call: what the last call lent out is dropped.
    #[inline(always)]
    pub(super) fn begin_call(&mut self) {
        #[cfg(feature = "deflate")]
        if core::mem::take(&mut self.lent) {
            if let Some(inflater) = &mut self.inflater {
                inflater.clear_output();
            }
        }
    }

    /// A data message begins; `rsv` holds the RSV bits of its first frame.
    /// RFC 7692 §6: RSV1 marks a compressed message.
    #[inline]
    pub(super) fn begin_message(&mut self, rsv: u8) {
        #[cfg(feature = "deflate")]
        {
            self.transforming = self.inflate_on && rsv & crate::frame::RSV1 != 0;
        }
        let _ = rsv;
    }

    /// Whether the message in progress is transformed. When it is not, its
    /// bytes reach the message stage byte for byte: then the message stage
    /// may check its limit against a frame's declared length before the
    /// payload arrives, and the fast path may deliver a frame where it lies.
    #[inline(always)]
    pub(super) fn transforming(&self) -> bool {
        #[cfg(feature = "deflate")]
        return self.transforming;
        #[cfg(not(feature = "deflate"))]
        false
    }

    /// Turns the next unmasked piece of a transformed message's payload,
    /// `input`, into what the message stage receives. `last`: the piece
    /// ends the message's payload.
    #[cfg(feature = "deflate")]
    #[inline(never)]
    pub(super) fn transform(&mut self, input: &[u8], last: bool, config: &Config) -> Result<Piece, Error> {
        let reset_each = self.inflate_reset_each;
        let inflater = self.inflater.get_or_insert_with(|| {
            alloc::boxed::Box::new(crate::extensions::deflate::codec::Inflater::new(reset_each))
        });
        let step = inflater.inflate(input, last, output_mode(config))?;
        Ok(self.piece(step))
    }

    /// [`PayloadStage::transform`] for a whole message's payload (message
    /// delivery), which may already end with the tail
    /// ([`Inflater::inflate_whole`](crate::extensions::deflate::codec::Inflater::inflate_whole)).
    #[cfg(feature = "deflate")]
    #[inline]
    pub(super) fn transform_whole(
        &mut self,
        input: &[u8],
        tail_included: bool,
        config: &Config,
    ) -> Result<Piece, Error> {
        let reset_each = self.inflate_reset_each;
        let inflater = self.inflater.get_or_insert_with(|| {
            alloc::boxed::Box::new(crate::extensions::deflate::codec::Inflater::new(reset_each))
        });
        let step = inflater.inflate_whole(input, tail_included, config.max_message_size)?;
        Ok(self.piece(step))
    }

    /// Inflated output pending from input already taken
    /// (chunk delivery), to be delivered before more input is read.
    #[cfg(feature = "deflate")]
    #[inline(always)]
    pub(super) fn drain(&mut self, config: &Config) -> Option<Result<Piece, Error>> {
        let inflater = self.inflater.as_mut().filter(|i| i.has_pending())?;
        let drained = inflater.drain(output_mode(config));
        Some(drained.map(|step| self.piece(step)))
    }

    /// The stage's own output buffer, which [`Piece`] ranges index.
    #[inline(always)]
    pub(super) fn output(&self) -> &[u8] {
        #[cfg(feature = "deflate")]
        if let Some(inflater) = &self.inflater {
            return inflater.output();
        }
        &[]
    }

    /// The piece an inflation step made.
    #[cfg(feature = "deflate")]
    fn piece(&mut self, step: crate::extensions::deflate::codec::Inflated) -> Piece {
        if step.finished {
            // The whole output is lent out with the message's event.
            self.transforming = false;
            self.lent = true;
        }
        Piece { range: step.range, consumed: step.consumed, last: step.finished }
    }

    /// Frees what may be freed between messages.
    pub(super) fn release_memory(&mut self) {
        self.begin_call();
        #[cfg(feature = "deflate")]
        if self.inflate_reset_each && !self.transforming {
            // Nothing carries over to the next message.
            self.inflater = None;
        } else if let Some(inflater) = &mut self.inflater {
            inflater.release_memory();
        }
    }

    /// Heap bytes held by the stage's buffers.
    pub(super) fn heap_size(&self) -> usize {
        #[cfg(feature = "deflate")]
        if let Some(inflater) = &self.inflater {
            return inflater.heap_size();
        }
        0
    }
}

/// How inflated output is held in `config`'s delivery mode.
#[cfg(feature = "deflate")]
fn output_mode(config: &Config) -> crate::extensions::deflate::codec::Output {
    use crate::extensions::deflate::codec::Output;
    match config.delivery {
        Delivery::Messages => Output::Whole { limit: config.max_message_size },
        // Frames are handed out as they arrived, never transformed.
        Delivery::Chunks | Delivery::Frames => Output::Chunks { cap: CHUNK_OUTPUT },
    }
}
