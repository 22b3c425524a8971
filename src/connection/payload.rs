//! The payload stage, between the frame stage and the message stage: the
//! place where a negotiated extension transforms each data message's
//! payload (RFC 6455 §9.1: extensions apply to the data in the order the
//! server listed them; permessage-deflate inflates here).
//!
//! It is told when a data message begins, with the RSV bits of the
//! message's first frame (the frame stage has already refused any RSV bit
//! that no negotiated extension owns), and it turns each unmasked payload
//! piece into the bytes the message stage receives: either the same bytes
//! where they lie ([`Piece::Input`]) or output in a buffer of its own
//! ([`Piece::Output`]), from which events can borrow.
//!
//! No extension is implemented yet, so every message passes through
//! unchanged.

use core::ops::Range;

use crate::Error;

/// Where the payload stage put the bytes of a piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    /// Where they lay in the input, unchanged.
    Input(Range<usize>),
    /// In the stage's own output buffer ([`PayloadStage::output`]).
    #[cfg_attr(not(test), allow(dead_code, reason = "produced by extension transforms; only a test one exists yet"))]
    Output(Range<usize>),
}

/// The payload stage's state: the transform of the message in progress.
#[derive(Debug, Default)]
pub(super) struct PayloadStage {
    /// A test transform that copies each piece into the stage's own
    /// buffer, so the tests can prove that events are delivered from an
    /// extension's output, in both delivery modes, under the message limit.
    #[cfg(test)]
    pub(super) copy: Option<alloc::vec::Vec<u8>>,
}

impl PayloadStage {
    /// A data message begins; `rsv` holds the RSV bits of its first frame
    /// (0 while no extension is negotiated: the frame stage refuses them).
    #[inline]
    pub(super) fn begin_message(&mut self, rsv: u8) -> Result<(), Error> {
        debug_assert_eq!(rsv, 0, "the frame stage lets through only RSV bits an extension owns");
        Ok(())
    }

    /// Whether the message in progress (or, between messages, the next one)
    /// reaches the message stage byte for byte: then the message stage may
    /// check its limit against a frame's declared length before the payload
    /// arrives, and the fast path may deliver a frame where it lies.
    #[inline(always)]
    pub(super) fn passes_through(&self) -> bool {
        #[cfg(test)]
        if self.copy.is_some() {
            return false;
        }
        true
    }

    /// Turns the next unmasked piece of the message's payload, which lies
    /// at `range` in the input, into what the message stage receives.
    /// `last`: the piece ends the message.
    #[inline(always)]
    pub(super) fn transform(&mut self, range: Range<usize>, last: bool) -> Result<Piece, Error> {
        let _ = last;
        Ok(Piece::Input(range))
    }

    /// The test transform: `piece` (the bytes at the range `transform`
    /// was given) copied into the stage's own buffer.
    #[cfg(test)]
    pub(super) fn copy_transform(&mut self, piece: &[u8]) -> Option<Piece> {
        let buf = self.copy.as_mut()?;
        buf.clear();
        buf.extend_from_slice(piece);
        Some(Piece::Output(0..buf.len()))
    }

    /// The stage's own output buffer, which [`Piece::Output`] ranges index.
    #[inline(always)]
    pub(super) fn output(&self) -> &[u8] {
        #[cfg(test)]
        if let Some(buf) = &self.copy {
            return buf;
        }
        &[]
    }
}
