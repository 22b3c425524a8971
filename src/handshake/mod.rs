//! The opening handshake (RFC 6455 §4). Placeholder until the handshake
//! module lands.

use core::fmt;

/// The opening handshake failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HandshakeError {
    /// Placeholder.
    Malformed,
}

impl fmt::Display for HandshakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("malformed handshake")
    }
}
