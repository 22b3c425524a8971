//! The frame stage: frame headers are decoded with the frame layer's
//! resumable [`HeaderDecoder`] (every RFC 6455 §5 rule is checked there),
//! and payloads are unmasked in place as they arrive. It knows nothing of
//! messages: each call yields a header or the next piece of the current
//! frame's payload.
//!
//! The fast path for whole frames ([`FrameDecoder::whole_data_frame`]) uses
//! the same rule checks as the resumable decoder.

use crate::frame::{
    apply_mask, check_mask, decode_length, header_len, FrameError, FrameHeader, HeaderDecoder, HeaderRules, OpCode,
    RSV1,
};

/// The frame whose header has been read and whose payload is arriving.
#[derive(Debug, Clone, Copy)]
struct FrameInProgress {
    /// Payload bytes already taken (the rest is the header's length less
    /// these), for the mask phase.
    taken: u64,
}

/// What the frame stage found next. The frame it concerns is
/// [`FrameDecoder::header`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FrameStep {
    /// The input is used up (a partial header is kept inside).
    NeedInput,
    /// A new frame's header.
    Header,
    /// The next piece of the current frame's payload, unmasked in place:
    /// the input from where the call started to where it ended.
    Payload {
        /// The piece starts the frame's payload.
        first: bool,
        /// The frame's payload is complete with this piece. With `first`,
        /// the piece is the whole payload, usable where it lies.
        done: bool,
    },
}

/// The frame stage's state: a partial header, or the frame in progress.
#[derive(Debug)]
pub(super) struct FrameDecoder {
    decoder: HeaderDecoder,
    /// The last header decoded: the current frame's, while `frame` is set.
    header: FrameHeader,
    frame: Option<FrameInProgress>,
}

impl Default for FrameDecoder {
    fn default() -> Self {
        FrameDecoder { decoder: HeaderDecoder::new(), header: FrameHeader::new(OpCode::Close, 0), frame: None }
    }
}

/// A whole, valid data frame at the start of the input, found by the fast
/// path.
#[derive(Debug, Clone, Copy)]
pub(super) struct WholeFrame {
    pub(super) opcode: OpCode,
    pub(super) mask: Option<[u8; 4]>,
    /// Where the payload starts.
    pub(super) header_len: usize,
    /// The payload length.
    pub(super) len: usize,
}

impl FrameDecoder {
    /// Whether part of a frame (header or payload) has been taken.
    #[inline]
    pub(super) fn is_mid_frame(&self) -> bool {
        self.frame.is_some() || self.decoder.is_mid_header()
    }

    /// The header of the frame that the last step concerned.
    #[inline(always)]
    pub(super) fn header(&self) -> &FrameHeader {
        &self.header
    }

    /// The payload bytes of the current frame taken so far (all of them,
    /// once it is complete).
    #[inline]
    pub(super) fn taken(&self) -> u64 {
        self.frame.map_or(self.header.payload_len, |f| f.taken)
    }

    /// Decodes from `input[*pos..]` and advances `pos`: a header, or the
    /// next payload piece of the current frame (even an empty one, for a
    /// frame whose payload is empty or complete).
    #[inline(always)]
    pub(super) fn next(
        &mut self,
        input: &mut [u8],
        pos: &mut usize,
        rules: &HeaderRules,
    ) -> Result<FrameStep, FrameError> {
        let Some(frame) = &mut self.frame else {
            let (used, header) = self.decoder.decode(&input[*pos..], rules)?;
            *pos += used;
            let Some(header) = header else {
                return Ok(FrameStep::NeedInput);
            };
            self.header = header;
            self.frame = Some(FrameInProgress { taken: 0 });
            return Ok(FrameStep::Header);
        };
        let remaining = self.header.payload_len - frame.taken;
        let avail = remaining.min((input.len() - *pos) as u64) as usize;
        if avail == 0 && remaining > 0 {
            return Ok(FrameStep::NeedInput);
        }
        let first = frame.taken == 0;
        if let Some(key) = self.header.mask {
            apply_mask(&mut input[*pos..*pos + avail], key, (frame.taken % 4) as usize);
        }
        *pos += avail;
        frame.taken += avail as u64;
        let done = frame.taken == self.header.payload_len;
        if done {
            self.frame = None;
        }
        Ok(FrameStep::Payload { first, done })
    }

    /// Gives back the last `n` bytes of the payload piece that ended at
    /// `pos` (a transform took only the rest): they are masked again, as
    /// they arrived, and will be taken from the next input, which starts
    /// with them.
    #[cfg_attr(not(feature = "deflate"), allow(dead_code, reason = "only bounded transforms give input back"))]
    #[inline]
    pub(super) fn give_back(&mut self, input: &mut [u8], pos: &mut usize, n: usize) {
        if n == 0 {
            return;
        }
        let taken = self.frame.map_or(self.header.payload_len, |f| f.taken) - n as u64;
        if let Some(key) = self.header.mask {
            apply_mask(&mut input[*pos - n..*pos], key, (taken % 4) as usize);
        }
        *pos -= n;
        self.frame = Some(FrameInProgress { taken });
    }

    /// The fast path's header check: a FIN text or binary frame with no
    /// RSV bit (or only RSV1) at the start of `input`, with the frame stage idle. Its
    /// header is checked with the same rules as [`HeaderDecoder`] (mask
    /// versus role, minimal length, payload limit). Anything else, or a
    /// header that breaks a rule, is [`NotWhole::Other`]: the resumable path
    /// takes it (and reports the error).
    #[inline(always)]
    pub(super) fn whole_data_frame<const COMPRESSED: bool>(
        &self,
        input: &[u8],
        rules: &HeaderRules,
    ) -> Result<WholeFrame, NotWhole> {
        // FIN set, no RSV bit (`COMPRESSED`: RSV1, when permessage-deflate
        // owns it, RFC 7692 §6), opcode 0x1 or 0x2. Two copies, so that the
        // plain one is what it was before compression existed.
        let rsv1 = if COMPRESSED { 0x40 } else { 0 };
        let opcode = match input.first().map(|b| b ^ rsv1) {
            Some(0x81) => OpCode::Text,
            Some(0x82) => OpCode::Binary,
            _ => return Err(NotWhole::Other),
        };
        if COMPRESSED && rules.allowed_rsv & RSV1 == 0 {
            return Err(NotWhole::Other);
        }
        let Some(&second) = input.get(1) else { return Err(NotWhole::Incomplete) };
        let masked = second & 0x80 != 0;
        check_mask(masked, rules).map_err(|_| NotWhole::Other)?;
        let len = match decode_length(second, &input[2..], rules) {
            None => return Err(NotWhole::Incomplete),
            Some(Err(_)) => return Err(NotWhole::Other),
            Some(Ok(len)) => usize::try_from(len).map_err(|_| NotWhole::Other)?,
        };
        let header_len = header_len(second);
        let mask = if masked {
            let Some(key) = input.get(header_len - 4..header_len) else { return Err(NotWhole::Incomplete) };
            Some([key[0], key[1], key[2], key[3]])
        } else {
            None
        };
        Ok(WholeFrame { opcode, mask, header_len, len })
    }
}

/// Why the fast path does not take the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NotWhole {
    /// It may be such a frame, but its header has not fully arrived.
    Incomplete,
    /// It is something else, or breaks a rule.
    Other,
}
