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

use core::ops::Range;

use crate::config::Config;
#[cfg(feature = "deflate")]
use crate::config::Delivery;
use crate::Error;

/// The most inflated bytes one chunk carries in [`Delivery::Chunks`].
#[cfg_attr(not(feature = "deflate"), allow(dead_code, reason = "used by the deflate transform"))]
pub(super) const CHUNK_OUTPUT: usize = 32 << 10;

/// Where the payload stage put the bytes of a piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    /// Where they lay in the input, unchanged.
    Input(Range<usize>),
    /// In the stage's own output buffer ([`PayloadStage::output`]).
    #[cfg_attr(not(feature = "deflate"), allow(dead_code, reason = "produced by the deflate transform"))]
    Output {
        /// The new bytes. In whole-message delivery the buffer holds the
        /// whole message so far, which ends here.
        range: Range<usize>,
        /// Input bytes taken; the frame stage gives back the rest.
        consumed: usize,
        /// The message is complete.
        last: bool,
    },
}

/// The payload stage's state: the transform of the message in progress.
#[derive(Debug, Default)]
pub(super) struct PayloadStage {
    /// permessage-deflate's decompressor, when it was negotiated (its
    /// flags say whether the message in progress is compressed and whether
    /// its output was lent out).
    #[cfg(feature = "deflate")]
    inflater: Option<alloc::boxed::Box<crate::extensions::deflate::codec::Inflater>>,
}

impl PayloadStage {
    /// Runs permessage-deflate's decompressor; `reset_each`: the peer
    /// takes no context over.
    #[cfg(feature = "deflate")]
    pub(super) fn enable_inflate(&mut self, reset_each: bool) {
        let inflater = crate::extensions::deflate::codec::Inflater::new(reset_each);
        self.inflater = Some(alloc::boxed::Box::new(inflater));
    }

    /// Starts a read call: what the last call lent out is dropped.
    #[inline(always)]
    pub(super) fn begin_call(&mut self) {
        #[cfg(feature = "deflate")]
        if let Some(inflater) = &mut self.inflater {
            if core::mem::take(&mut inflater.lent) {
                inflater.clear_output();
            }
        }
    }

    /// A data message begins; `rsv` holds the RSV bits of its first frame.
    /// RFC 7692 §6: RSV1 marks a compressed message.
    #[inline]
    pub(super) fn begin_message(&mut self, rsv: u8) {
        #[cfg(feature = "deflate")]
        if let Some(inflater) = &mut self.inflater {
            inflater.compressed = rsv & crate::frame::RSV1 != 0;
        }
        let _ = rsv;
    }

    /// Whether a message that begins with these RSV bits (`Some`), or the
    /// message in progress (`None`), reaches the message stage byte for
    /// byte: then the message stage may check its limit against a frame's
    /// declared length before the payload arrives, and the fast path may
    /// deliver a frame where it lies.
    #[inline(always)]
    pub(super) fn passes_through(&self, opening_rsv: Option<u8>) -> bool {
        #[cfg(feature = "deflate")]
        {
            match opening_rsv {
                Some(rsv) => rsv & crate::frame::RSV1 == 0,
                None => !self.is_mid_message(),
            }
        }
        #[cfg(not(feature = "deflate"))]
        {
            let _ = opening_rsv;
            true
        }
    }

    /// Turns the next unmasked piece of the message's payload, `input`,
    /// which lies at `range` in the input, into what the message stage
    /// receives. `last`: the piece ends the message's payload.
    #[inline(always)]
    pub(super) fn transform(
        &mut self,
        input: &[u8],
        range: Range<usize>,
        last: bool,
        config: &Config,
    ) -> Result<Piece, Error> {
        #[cfg(feature = "deflate")]
        if let Some(inflater) = self.inflater.as_mut().filter(|i| i.compressed) {
            let step = inflater.inflate(input, last, output_mode(config))?;
            return Ok(piece(inflater, step));
        }
        let _ = (input, last, config);
        Ok(Piece::Input(range))
    }

    /// Inflated output pending from input already taken
    /// (chunk delivery), to be delivered before more input is read.
    #[inline(always)]
    pub(super) fn drain(&mut self, config: &Config) -> Option<Result<Piece, Error>> {
        #[cfg(feature = "deflate")]
        if let Some(inflater) = self.inflater.as_mut().filter(|i| i.has_pending()) {
            return Some(inflater.drain(output_mode(config)).map(|step| piece(inflater, step)));
        }
        let _ = config;
        None
    }

    /// The stage's own output buffer, which [`Piece::Output`] ranges index.
    #[inline(always)]
    pub(super) fn output(&self) -> &[u8] {
        #[cfg(feature = "deflate")]
        if let Some(inflater) = &self.inflater {
            return inflater.output();
        }
        &[]
    }

    /// Whether a compressed message is being inflated.
    pub(super) fn is_mid_message(&self) -> bool {
        #[cfg(feature = "deflate")]
        if let Some(inflater) = &self.inflater {
            return inflater.compressed;
        }
        false
    }

    /// Frees what may be freed between messages.
    pub(super) fn release_memory(&mut self) {
        self.begin_call();
        #[cfg(feature = "deflate")]
        if let Some(inflater) = &mut self.inflater {
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
        Delivery::Chunks => Output::Chunks { cap: CHUNK_OUTPUT },
    }
}

/// The piece an inflation step made.
#[cfg(feature = "deflate")]
fn piece(
    inflater: &mut crate::extensions::deflate::codec::Inflater,
    step: crate::extensions::deflate::codec::Inflated,
) -> Piece {
    if step.finished {
        // The whole output is lent out with the message's event.
        inflater.compressed = false;
        inflater.lent = true;
    }
    Piece::Output { range: step.range, consumed: step.consumed, last: step.finished }
}
