//! A resumable frame header decoder: it takes input in pieces as small as
//! one byte, keeps a partial header in a fixed array, and rejects a
//! violation as soon as the byte that shows it arrives.

use super::FrameError;
use super::{FrameHeader, OpCode, Role, MAX_CONTROL_PAYLOAD, MAX_HEADER_LEN};

/// What a [`HeaderDecoder`] accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderRules {
    /// The role of the end that receives the frames.
    pub role: Role,
    /// The RSV bits owned by negotiated extensions (`0b100` = RSV1).
    pub allowed_rsv: u8,
    /// A server accepts unmasked frames. Off by default: RFC 6455 §5.1 says
    /// the server MUST close the connection on an unmasked frame. Only for
    /// peers that are known to be non-compliant, or for tests.
    pub accept_unmasked: bool,
    /// The largest payload accepted; a longer declared length fails with
    /// [`FrameError::FrameTooLarge`] before any payload byte is read.
    pub max_payload: u64,
}

impl HeaderRules {
    /// Strict rules for `role` with no extension and no payload limit.
    pub const fn new(role: Role) -> HeaderRules {
        HeaderRules { role, allowed_rsv: 0, accept_unmasked: false, max_payload: u64::MAX }
    }
}

/// Decodes frame headers from input that may arrive one byte at a time.
///
/// ```
/// use wsproto::frame::{HeaderDecoder, HeaderRules, OpCode, Role};
/// let mut dec = HeaderDecoder::new();
/// let rules = HeaderRules::new(Role::Client);
/// // An unmasked "Hello" from a server (RFC 6455 §5.7), fed in two pieces.
/// assert_eq!(dec.decode(&[0x81], &rules).unwrap(), (1, None));
/// let (used, header) = dec.decode(&[0x05, b'H'], &rules).unwrap();
/// assert_eq!(used, 1);
/// let header = header.unwrap();
/// assert_eq!((header.opcode, header.payload_len), (OpCode::Text, 5));
/// ```
#[derive(Debug, Clone, Default)]
pub struct HeaderDecoder {
    partial: [u8; MAX_HEADER_LEN],
    filled: u8,
}

impl HeaderDecoder {
    /// A decoder with nothing buffered.
    pub const fn new() -> HeaderDecoder {
        HeaderDecoder { partial: [0; MAX_HEADER_LEN], filled: 0 }
    }

    /// Whether part of a header is buffered.
    pub const fn is_mid_header(&self) -> bool {
        self.filled != 0
    }

    /// Feeds `input`. Returns how many bytes of it were used and, once the
    /// header is complete, the header. Bytes after the header are never
    /// used. "Need more input" is `Ok((input.len(), None))`, never an error.
    #[inline]
    pub fn decode(&mut self, input: &[u8], rules: &HeaderRules) -> Result<(usize, Option<FrameHeader>), FrameError> {
        if self.filled == 0 && input.len() >= 2 {
            // Fast path: the whole header is usually in one piece.
            check_first_byte(input[0], rules)?;
            check_second_byte(input[0], input[1], rules)?;
            let need = header_len(input[1]);
            if input.len() >= need {
                return Ok((need, Some(finish(&input[..need], rules)?)));
            }
        }
        let mut used = 0;
        loop {
            let filled = usize::from(self.filled);
            let need = if filled < 2 { filled + 1 } else { header_len(self.partial[1]) };
            if filled == need && filled >= 2 {
                let header = finish(&self.partial[..need], rules)?;
                self.filled = 0;
                return Ok((used, Some(header)));
            }
            if used == input.len() {
                return Ok((used, None));
            }
            let take = (need - filled).min(input.len() - used);
            self.partial[filled..filled + take].copy_from_slice(&input[used..used + take]);
            used += take;
            self.filled += take as u8;
            match self.filled {
                1 if filled == 0 => check_first_byte(self.partial[0], rules)?,
                2 if filled == 1 => check_second_byte(self.partial[0], self.partial[1], rules)?,
                _ => {}
            }
        }
    }
}

/// The header length that the second byte implies.
#[inline(always)]
pub(crate) const fn header_len(second: u8) -> usize {
    let ext = match second & 0x7F {
        126 => 2,
        127 => 8,
        _ => 0,
    };
    2 + ext + if second & 0x80 != 0 { 4 } else { 0 }
}

fn check_first_byte(first: u8, rules: &HeaderRules) -> Result<(), FrameError> {
    // RFC 6455 §5.2: "RSV1, RSV2, RSV3: 1 bit each. MUST be 0 unless an
    // extension is negotiated that defines meanings for non-zero values."
    let rsv = (first >> 4) & 0b111;
    if rsv & !rules.allowed_rsv != 0 {
        return Err(FrameError::ReservedBits(rsv & !rules.allowed_rsv));
    }
    // "If an unknown opcode is received, the receiving endpoint MUST _Fail
    // the WebSocket Connection_."
    let opcode = OpCode::from_u8(first & 0x0F).ok_or(FrameError::ReservedOpcode(first & 0x0F))?;
    // §5.5: "Control frames themselves MUST NOT be fragmented."
    if opcode.is_control() && first & 0x80 == 0 {
        return Err(FrameError::FragmentedControlFrame);
    }
    Ok(())
}

fn check_second_byte(first: u8, second: u8, rules: &HeaderRules) -> Result<(), FrameError> {
    // §5.5: "All control frames MUST have a payload length of 125 bytes or
    // less". A 126 or 127 marker already says the length is larger.
    let len7 = second & 0x7F;
    if first & 0x08 != 0 && usize::from(len7) > MAX_CONTROL_PAYLOAD {
        return Err(FrameError::ControlFrameTooLong(u64::from(len7)));
    }
    check_mask(second & 0x80 != 0, rules)
}

/// RFC 6455 §5.1: "The server MUST close the connection upon receiving a
/// frame that is not masked. ... A client MUST close a connection if it
/// detects a masked frame."
#[inline(always)]
pub(crate) fn check_mask(masked: bool, rules: &HeaderRules) -> Result<(), FrameError> {
    match rules.role {
        Role::Server if !masked && !rules.accept_unmasked => Err(FrameError::UnmaskedFrameFromClient),
        Role::Client if masked => Err(FrameError::MaskedFrameFromServer),
        _ => Ok(()),
    }
}

/// The payload length of a header whose second byte is `second` and whose
/// extended length (if any) starts at `ext[0]`, checked against RFC 6455
/// §5.2 and the payload limit. `None` when `ext` is too short to hold it.
#[inline(always)]
pub(crate) fn decode_length(second: u8, ext: &[u8], rules: &HeaderRules) -> Option<Result<u64, FrameError>> {
    let len = match second & 0x7F {
        126 => {
            let len = u64::from(u16::from_be_bytes(*ext.first_chunk::<2>()?));
            // §5.2: "the minimal number of bytes MUST be used to encode the
            // length".
            if len < 126 {
                return Some(Err(FrameError::NonMinimalLength));
            }
            len
        }
        127 => {
            let len = u64::from_be_bytes(*ext.first_chunk::<8>()?);
            // §5.2: "the most significant bit MUST be 0".
            if len >> 63 != 0 {
                return Some(Err(FrameError::LengthTopBitSet));
            }
            if len <= u64::from(u16::MAX) {
                return Some(Err(FrameError::NonMinimalLength));
            }
            len
        }
        short => u64::from(short),
    };
    if len > rules.max_payload {
        return Some(Err(FrameError::FrameTooLarge { len, max: rules.max_payload }));
    }
    Some(Ok(len))
}

/// Builds the header from its complete bytes (exactly `header_len` of
/// them), whose first two bytes were already checked.
#[inline]
fn finish(bytes: &[u8], rules: &HeaderRules) -> Result<FrameHeader, FrameError> {
    // `bytes` holds the whole extended length, so `None` cannot happen.
    let len = decode_length(bytes[1], &bytes[2..], rules).unwrap_or(Err(FrameError::NonMinimalLength))?;
    let mask = if bytes[1] & 0x80 != 0 { bytes.last_chunk::<4>().copied() } else { None };
    let opcode = OpCode::from_u8(bytes[0] & 0x0F).ok_or(FrameError::ReservedOpcode(bytes[0] & 0x0F))?;
    Ok(FrameHeader { fin: bytes[0] & 0x80 != 0, rsv: (bytes[0] >> 4) & 0b111, opcode, mask, payload_len: len })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(bytes: &[u8], rules: &HeaderRules) -> Result<Option<(usize, FrameHeader)>, FrameError> {
        let mut dec = HeaderDecoder::new();
        let (used, h) = dec.decode(bytes, rules)?;
        Ok(h.map(|h| (used, h)))
    }

    fn decode_bytewise(bytes: &[u8], rules: &HeaderRules) -> Result<Option<(usize, FrameHeader)>, FrameError> {
        let mut dec = HeaderDecoder::new();
        let mut total = 0;
        for b in bytes {
            let (used, h) = dec.decode(core::slice::from_ref(b), rules)?;
            total += used;
            if let Some(h) = h {
                return Ok(Some((total, h)));
            }
        }
        Ok(None)
    }

    #[test]
    fn every_split_gives_the_same_result() {
        let server = HeaderRules::new(Role::Server);
        let client = HeaderRules::new(Role::Client);
        let cases: &[(&[u8], &HeaderRules)] = &[
            (&[0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d], &server),
            (&[0x82, 0x7E, 0x01, 0x00], &client),
            (&[0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0], &client),
            (&[0x82, 0x7E, 0x00, 0x10], &client),
            (&[0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 0], &client),
            (&[0x82, 0x7F, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF], &client),
            (&[0x09, 0x00], &client),
            (&[0x89, 0x7E, 0x00, 0x80], &client),
            (&[0xC1, 0x00], &client),
            (&[0x83, 0x00], &client),
            (&[0x81, 0x00], &server),
            (&[0x81, 0x80, 1, 2, 3, 4], &client),
        ];
        for (bytes, rules) in cases {
            assert_eq!(decode_all(bytes, rules), decode_bytewise(bytes, rules), "{bytes:x?}");
        }
    }

    #[test]
    fn violations_have_their_own_errors() {
        let client = HeaderRules::new(Role::Client);
        let server = HeaderRules::new(Role::Server);
        assert_eq!(decode_all(&[0xC1, 0x00], &client), Err(FrameError::ReservedBits(0b100)));
        assert_eq!(decode_all(&[0x83, 0x00], &client), Err(FrameError::ReservedOpcode(3)));
        assert_eq!(decode_all(&[0x8B, 0x00], &client), Err(FrameError::ReservedOpcode(0xB)));
        assert_eq!(decode_all(&[0x09, 0x00], &client), Err(FrameError::FragmentedControlFrame));
        assert_eq!(decode_all(&[0x89, 0x7E, 0x00, 0x80], &client), Err(FrameError::ControlFrameTooLong(126)));
        assert_eq!(decode_all(&[0x82, 0x7E, 0x00, 0x10], &client), Err(FrameError::NonMinimalLength));
        assert_eq!(decode_all(&[0x82, 0x7F, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF], &client), Err(FrameError::NonMinimalLength));
        assert_eq!(decode_all(&[0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 0], &client), Err(FrameError::LengthTopBitSet));
        assert_eq!(decode_all(&[0x81, 0x80, 1, 2, 3, 4], &client), Err(FrameError::MaskedFrameFromServer));
        assert_eq!(decode_all(&[0x81, 0x00], &server), Err(FrameError::UnmaskedFrameFromClient));
        let lax = HeaderRules { accept_unmasked: true, ..server };
        assert!(decode_all(&[0x81, 0x00], &lax).unwrap().is_some());
        let limited = HeaderRules { max_payload: 1000, ..client };
        assert_eq!(
            decode_all(&[0x82, 0x7E, 0x03, 0xE9], &limited),
            Err(FrameError::FrameTooLarge { len: 1001, max: 1000 })
        );
        let deflate = HeaderRules { allowed_rsv: 0b100, ..client };
        assert_eq!(decode_all(&[0xC1, 0x00], &deflate).unwrap().unwrap().1.rsv, 0b100);
        assert_eq!(decode_all(&[0xE1, 0x00], &deflate), Err(FrameError::ReservedBits(0b010)));
    }

    #[test]
    fn first_byte_errors_are_reported_before_the_second_arrives() {
        let mut dec = HeaderDecoder::new();
        assert_eq!(dec.decode(&[0x83], &HeaderRules::new(Role::Client)), Err(FrameError::ReservedOpcode(3)));
    }

    #[test]
    fn decoding_stops_at_the_end_of_the_header() {
        let mut dec = HeaderDecoder::new();
        let rules = HeaderRules::new(Role::Client);
        let (used, h) = dec.decode(&[0x82, 0x7E, 0x01], &rules).unwrap();
        assert_eq!((used, h), (3, None));
        let (used, h) = dec.decode(&[0x00, 0xAA, 0xBB], &rules).unwrap();
        assert_eq!(used, 1);
        assert_eq!(h.unwrap().payload_len, 256);
        assert!(!dec.is_mid_header());
    }
}
