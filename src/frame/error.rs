//! [`FrameError`]: the ways a frame header can break RFC 6455 §5.

use core::fmt;

use super::CloseCode;

/// A frame header that breaks RFC 6455 §5, or one over the configured
/// payload limit. Found by [`crate::frame::HeaderDecoder`] as soon as the
/// byte that shows it arrives. Inside a connection it becomes
/// [`crate::Error::Frame`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FrameError {
    /// RFC 6455 §5.2: "RSV1, RSV2, RSV3: MUST be 0 unless an extension is
    /// negotiated that defines meanings for non-zero values." The bits are
    /// the ones that were set (`0b100` = RSV1, `0b010` = RSV2, `0b001` = RSV3).
    ReservedBits(u8),
    /// RFC 6455 §5.2: opcodes 0x3–0x7 and 0xB–0xF are reserved.
    ReservedOpcode(u8),
    /// RFC 6455 §5.2: "the minimal number of bytes MUST be used to encode
    /// the length".
    NonMinimalLength,
    /// RFC 6455 §5.2: in a 64-bit length "the most significant bit MUST be 0".
    LengthTopBitSet,
    /// RFC 6455 §5.5: "Control frames themselves MUST NOT be fragmented."
    FragmentedControlFrame,
    /// RFC 6455 §5.5: "All control frames MUST have a payload length of 125
    /// bytes or less". Holds the 7-bit length field: a value over 125, or the
    /// 126/127 marker of an extended length, which is rejected as soon as
    /// it is seen, before the extended length arrives.
    ControlFrameTooLong(u64),
    /// RFC 6455 §5.1: "A client MUST close a connection if it detects a
    /// masked frame."
    MaskedFrameFromServer,
    /// RFC 6455 §5.1: "The server MUST close the connection upon receiving a
    /// frame that is not masked."
    UnmaskedFrameFromClient,
    /// The frame declares a payload longer than the configured limit
    /// ([`crate::frame::HeaderRules::max_payload`], from
    /// `Config::max_frame_size`; close code 1009).
    FrameTooLarge {
        /// The declared payload length.
        len: u64,
        /// The configured limit.
        max: u64,
    },
}

impl FrameError {
    /// The close code RFC 6455 §7.4.1 asks for: 1009 for a frame over the
    /// limit, 1002 for every protocol violation.
    pub const fn close_code(&self) -> CloseCode {
        match self {
            FrameError::FrameTooLarge { .. } => CloseCode::MESSAGE_TOO_BIG,
            _ => CloseCode::PROTOCOL_ERROR,
        }
    }

    /// A short reason for a Close frame (ASCII, at most 123 bytes).
    pub const fn close_reason(&self) -> &'static str {
        match self {
            FrameError::ReservedBits(_) => "reserved bits set",
            FrameError::ReservedOpcode(_) => "reserved opcode",
            FrameError::NonMinimalLength => "non-minimal length",
            FrameError::LengthTopBitSet => "length with top bit set",
            FrameError::FragmentedControlFrame => "fragmented control frame",
            FrameError::ControlFrameTooLong(_) => "control frame too long",
            FrameError::MaskedFrameFromServer => "masked frame from server",
            FrameError::UnmaskedFrameFromClient => "unmasked frame from client",
            FrameError::FrameTooLarge { .. } => "frame too large",
        }
    }
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameError::ReservedBits(bits) => {
                write!(f, "reserved bits {bits:#05b} set without an extension that owns them")
            }
            FrameError::ReservedOpcode(op) => write!(f, "reserved opcode {op:#x}"),
            FrameError::NonMinimalLength => f.write_str("payload length not in its minimal encoding"),
            FrameError::LengthTopBitSet => f.write_str("64-bit payload length has its most significant bit set"),
            FrameError::FragmentedControlFrame => f.write_str("control frame with FIN=0"),
            FrameError::ControlFrameTooLong(len) => write!(f, "control frame payload of {len} bytes (max 125)"),
            FrameError::MaskedFrameFromServer => f.write_str("a client received a masked frame"),
            FrameError::UnmaskedFrameFromClient => f.write_str("a server received an unmasked frame"),
            FrameError::FrameTooLarge { len, max } => {
                write!(f, "frame payload of {len} bytes exceeds the limit of {max}")
            }
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for FrameError {}
