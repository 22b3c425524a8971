//! Close status codes (RFC 6455 §7.4), as one table.

use core::fmt;

/// A close status code (RFC 6455 §7.4). Any `u16` can be held; the
/// constants name the registered ones, and [`CloseCode::is_sendable`] says
/// which may appear on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CloseCode(pub u16);

impl CloseCode {
    /// The code as a number, as it goes on the wire.
    pub const fn as_u16(self) -> u16 {
        self.0
    }
}

macro_rules! close_codes {
    ($( $(#[$doc:meta])* $name:ident = $value:literal, $text:literal; )*) => {
        impl CloseCode {
            $( $(#[$doc])* pub const $name: CloseCode = CloseCode($value); )*

            /// The registered name of this code, if it has one.
            pub const fn name(self) -> Option<&'static str> {
                match self.0 {
                    $( $value => Some($text), )*
                    _ => None,
                }
            }
        }
    };
}

close_codes! {
    /// 1000: "normal closure, meaning that the purpose for which the
    /// connection was established has been fulfilled."
    NORMAL = 1000, "normal closure";
    /// 1001: "an endpoint is going away, such as a server going down or a
    /// browser having navigated away from a page."
    GOING_AWAY = 1001, "going away";
    /// 1002: "an endpoint is terminating the connection due to a protocol
    /// error."
    PROTOCOL_ERROR = 1002, "protocol error";
    /// 1003: "an endpoint ... has received a type of data it cannot accept."
    UNSUPPORTED_DATA = 1003, "unsupported data";
    /// 1005: "no status code was actually present." Reserved: never sent,
    /// reported locally for a Close frame with an empty payload.
    NO_STATUS = 1005, "no status received";
    /// 1006: "the connection was closed abnormally, e.g., without sending or
    /// receiving a Close control frame." Reserved: never sent, reported
    /// locally on EOF before the close handshake.
    ABNORMAL = 1006, "abnormal closure";
    /// 1007: "an endpoint ... has received data within a message that was
    /// not consistent with the type of the message (e.g., non-UTF-8 data
    /// within a text message)."
    INVALID_PAYLOAD = 1007, "invalid frame payload data";
    /// 1008: "an endpoint ... has received a message that violates its
    /// policy."
    POLICY_VIOLATION = 1008, "policy violation";
    /// 1009: "an endpoint ... has received a message that is too big for it
    /// to process."
    MESSAGE_TOO_BIG = 1009, "message too big";
    /// 1010: the client "has expected the server to negotiate one or more
    /// extension, but the server didn't."
    MANDATORY_EXTENSION = 1010, "mandatory extension";
    /// 1011: the server "encountered an unexpected condition that prevented
    /// it from fulfilling the request."
    INTERNAL_ERROR = 1011, "internal error";
    /// 1012: the service is restarting (IANA registry).
    SERVICE_RESTART = 1012, "service restart";
    /// 1013: try again later (IANA registry).
    TRY_AGAIN_LATER = 1013, "try again later";
    /// 1014: the server acting as a gateway received an invalid response
    /// (IANA registry).
    BAD_GATEWAY = 1014, "bad gateway";
    /// 1015: "failure to perform a TLS handshake". Reserved: never sent.
    TLS_HANDSHAKE = 1015, "TLS handshake failure";
}

impl CloseCode {
    /// Whether this code may appear in a Close frame on the wire
    /// (RFC 6455 §7.4.1, §7.4.2 and the IANA registry): 1000–1003,
    /// 1007–1014 and 3000–4999. Everything else (0–999, 1004–1006, 1015,
    /// 1016–2999, 5000 and up) is a protocol error when received.
    pub const fn is_sendable(self) -> bool {
        matches!(self.0, 1000..=1003 | 1007..=1014 | 3000..=4999)
    }
}

/// Reads a received Close frame's body (RFC 6455 §5.5.1): empty (no status
/// code, `NO_STATUS`), or a 2-byte code followed by a UTF-8 reason. Returns
/// the code and where the reason starts in `body`. A 1-byte body, a code
/// that may not be sent (§7.4) and a reason that is not UTF-8 (§5.5.1,
/// §8.1) are errors, checked in that order. The one check, shared by the
/// connection and the observer.
pub(crate) fn parse_close_body(body: &[u8]) -> Result<(CloseCode, usize), crate::Error> {
    match body {
        [] => Ok((CloseCode::NO_STATUS, 0)),
        [_] => Err(crate::Error::ClosePayloadTooShort),
        [hi, lo, reason @ ..] => {
            let code = CloseCode(u16::from_be_bytes([*hi, *lo]));
            if !code.is_sendable() {
                return Err(crate::Error::InvalidCloseCode(code.0));
            }
            if crate::utf8::validate(reason).is_err() {
                return Err(crate::Error::InvalidUtf8);
            }
            Ok((code, 2))
        }
    }
}

impl From<u16> for CloseCode {
    fn from(code: u16) -> Self {
        CloseCode(code)
    }
}

impl From<CloseCode> for u16 {
    fn from(code: CloseCode) -> Self {
        code.0
    }
}

impl fmt::Display for CloseCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => write!(f, "{} ({name})", self.0),
            None => write!(f, "{}", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_close_body, CloseCode};
    use crate::Error;

    #[test]
    fn close_bodies_are_read_and_checked_in_order() {
        assert_eq!(parse_close_body(b""), Ok((CloseCode::NO_STATUS, 0)));
        assert_eq!(parse_close_body(b"\x03"), Err(Error::ClosePayloadTooShort));
        assert_eq!(parse_close_body(b"\x03\xe8"), Ok((CloseCode::NORMAL, 2)));
        assert_eq!(parse_close_body(b"\x0f\xa1bye \xc3\xa9"), Ok((CloseCode(4001), 2)));
        assert_eq!(parse_close_body(b"\x03\xed"), Err(Error::InvalidCloseCode(1005)));
        assert_eq!(parse_close_body(b"\x03\xe8\xff"), Err(Error::InvalidUtf8));
        // The code is checked before the reason, as a connection fails on
        // the first.
        assert_eq!(parse_close_body(b"\x00\x00\xff"), Err(Error::InvalidCloseCode(0)));
    }

    #[test]
    fn sendable_ranges_match_the_rfc() {
        for code in 0..=u16::MAX {
            let expect = matches!(code, 1000..=1003 | 1007..=1014 | 3000..=4999);
            assert_eq!(CloseCode(code).is_sendable(), expect, "{code}");
        }
    }
}
