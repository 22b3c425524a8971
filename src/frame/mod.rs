//! The frame layer (RFC 6455 §5): opcodes, close codes, frame headers, a
//! resumable header decoder, header encoding and masking. Nothing here
//! allocates.
//!
//! A crate that only wants to encode frames for its own writer takes
//! [`FrameHeader::encode`] and [`apply_mask`]; one that reads frames itself
//! takes [`HeaderDecoder`].

mod close_code;
mod decoder;
mod error;
mod mask;

pub(crate) use close_code::parse_close_body;
pub use close_code::CloseCode;
pub(crate) use decoder::{check_mask, decode_length, header_len};
pub use decoder::{HeaderDecoder, HeaderRules};
pub use error::FrameError;
pub use mask::{apply_mask, copy_masked};

/// The longest frame header: 2 bytes, an 8-byte extended length and a
/// 4-byte masking key.
pub const MAX_HEADER_LEN: usize = 14;

/// The largest payload of a control frame (RFC 6455 §5.5).
pub const MAX_CONTROL_PAYLOAD: usize = 125;

/// Which end of the connection this is. Clients mask what they send;
/// servers do not (RFC 6455 §5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The end that opened the connection and sent the upgrade request.
    Client,
    /// The end that accepted the upgrade request.
    Server,
}

/// A frame opcode (RFC 6455 §5.2). Reserved opcodes have no variant: they
/// are rejected as [`FrameError::ReservedOpcode`] while decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpCode {
    /// `0x0`: continues a fragmented message.
    Continuation,
    /// `0x1`: the first frame of a text message.
    Text,
    /// `0x2`: the first frame of a binary message.
    Binary,
    /// `0x8`: begins or answers the close handshake.
    Close,
    /// `0x9`: asks the peer for a Pong.
    Ping,
    /// `0xA`: answers a Ping, or serves as a heartbeat.
    Pong,
}

impl OpCode {
    /// The opcode for a 4-bit value, or `None` for the reserved ones.
    pub const fn from_u8(value: u8) -> Option<OpCode> {
        Some(match value {
            0x0 => OpCode::Continuation,
            0x1 => OpCode::Text,
            0x2 => OpCode::Binary,
            0x8 => OpCode::Close,
            0x9 => OpCode::Ping,
            0xA => OpCode::Pong,
            _ => return None,
        })
    }

    /// The 4-bit value on the wire.
    pub const fn as_u8(self) -> u8 {
        match self {
            OpCode::Continuation => 0x0,
            OpCode::Text => 0x1,
            OpCode::Binary => 0x2,
            OpCode::Close => 0x8,
            OpCode::Ping => 0x9,
            OpCode::Pong => 0xA,
        }
    }

    /// Close, Ping and Pong are control frames (RFC 6455 §5.5: "opcodes
    /// where the most significant bit of the opcode is 1").
    pub const fn is_control(self) -> bool {
        self.as_u8() & 0x8 != 0
    }
}

/// RSV1, the bit permessage-deflate uses to mark a compressed message
/// (RFC 7692 §6).
pub const RSV1: u8 = 0b100;
/// RSV2.
pub const RSV2: u8 = 0b010;
/// RSV3.
pub const RSV3: u8 = 0b001;

/// A decoded or to-be-encoded frame header (RFC 6455 §5.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FrameHeader {
    /// FIN: this is the final fragment of a message.
    pub fin: bool,
    /// The three RSV bits, RSV1 as `0b100` down to RSV3 as `0b001`.
    pub rsv: u8,
    /// The opcode.
    pub opcode: OpCode,
    /// The masking key, present on every frame a client sends.
    pub mask: Option<[u8; 4]>,
    /// The payload length.
    pub payload_len: u64,
}

impl FrameHeader {
    /// A header with FIN set, no RSV bits and no mask.
    pub const fn new(opcode: OpCode, payload_len: u64) -> FrameHeader {
        FrameHeader { fin: true, rsv: 0, opcode, mask: None, payload_len }
    }

    /// How many bytes [`FrameHeader::encode`] writes for this header.
    pub const fn encoded_len(&self) -> usize {
        let len_bytes = if self.payload_len < 126 {
            0
        } else if self.payload_len <= u16::MAX as u64 {
            2
        } else {
            8
        };
        2 + len_bytes + if self.mask.is_some() { 4 } else { 0 }
    }

    /// Encodes the header, with the minimal length encoding (RFC 6455 §5.2),
    /// into the start of `out`, and returns how many bytes it wrote. The
    /// payload is not touched: mask it with [`apply_mask`] and write it
    /// after the header (for example with a vectored write).
    ///
    /// A 64-bit length with the top bit set cannot be encoded; the length
    /// is clamped to `i64::MAX` by the type system of the senders in this
    /// crate, and a caller building headers by hand must keep it below
    /// 2^63 as the RFC requires.
    #[inline]
    pub fn encode(&self, out: &mut [u8; MAX_HEADER_LEN]) -> usize {
        out[0] = (u8::from(self.fin) << 7) | ((self.rsv & 0b111) << 4) | self.opcode.as_u8();
        let mask_bit = if self.mask.is_some() { 0x80 } else { 0 };
        let mut n = 2;
        if self.payload_len < 126 {
            out[1] = mask_bit | self.payload_len as u8;
        } else if self.payload_len <= u16::MAX as u64 {
            out[1] = mask_bit | 126;
            out[2..4].copy_from_slice(&(self.payload_len as u16).to_be_bytes());
            n = 4;
        } else {
            out[1] = mask_bit | 127;
            out[2..10].copy_from_slice(&(self.payload_len & (u64::MAX >> 1)).to_be_bytes());
            n = 10;
        }
        if let Some(key) = self.mask {
            out[n..n + 4].copy_from_slice(&key);
            n += 4;
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcodes_round_trip_and_reserved_are_none() {
        for v in 0u8..16 {
            match OpCode::from_u8(v) {
                Some(op) => assert_eq!(op.as_u8(), v),
                None => assert!(matches!(v, 0x3..=0x7 | 0xB..=0xF)),
            }
        }
        assert!(OpCode::Ping.is_control() && !OpCode::Binary.is_control());
    }

    #[test]
    fn encode_uses_minimal_lengths() {
        let mut out = [0u8; MAX_HEADER_LEN];
        for (len, expect) in [(0u64, 2), (125, 2), (126, 4), (65535, 4), (65536, 10)] {
            let h = FrameHeader::new(OpCode::Binary, len);
            assert_eq!(h.encode(&mut out), expect);
            assert_eq!(h.encoded_len(), expect);
        }
        let h = FrameHeader { mask: Some([1, 2, 3, 4]), ..FrameHeader::new(OpCode::Text, 5) };
        assert_eq!(h.encode(&mut out), 6);
        assert_eq!(&out[..6], &[0x81, 0x85, 1, 2, 3, 4]);
    }
}
