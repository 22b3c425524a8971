//! `Sec-WebSocket-Key` and `Sec-WebSocket-Accept` (RFC 6455 §4.1, §4.2.2,
//! §11.3.1, §11.3.3).

use core::fmt;

use base64::engine::general_purpose::GeneralPurpose;
use base64::Engine;

use super::RequestError;
use crate::rng::RandomSource;

/// RFC 6455 §1.3: the GUID appended to the key, "258EAFA5-E914-47DA-95CA-C5AB0DC85B11".
pub const GUID: &str = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

const ENCODE_ENGINE: GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// A `Sec-WebSocket-Accept` value: 28 ASCII bytes, held inline.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct AcceptKey([u8; 28]);

impl AcceptKey {
    /// The value as text, e.g. `s3pPLMBiTxaQ9kYGzzhZRbK+xOo=`.
    pub fn as_str(&self) -> &str {
        // Base64 output is ASCII, so this never falls back.
        core::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Debug for AcceptKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AcceptKey({:?})", self.as_str())
    }
}

impl fmt::Display for AcceptKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for AcceptKey {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// Computes `Sec-WebSocket-Accept` from a `Sec-WebSocket-Key`, without
/// allocating.
///
/// RFC 6455 §4.2.2: "The value of this header field is constructed by
/// concatenating /key/ [...] with the string
/// "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", taking the SHA-1 hash of this
/// concatenated value to obtain a 20-byte value and base64-encoding [...]
/// this 20-byte hash." The key is used as text, not decoded; surrounding
/// whitespace is ignored.
///
/// ```
/// let accept = wsproto::handshake::accept_key("dGhlIHNhbXBsZSBub25jZQ==");
/// assert_eq!(accept.as_str(), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
/// ```
pub fn accept_key(key: &str) -> AcceptKey {
    let mut sha = sha1_smol::Sha1::new();
    sha.update(key.trim_matches([' ', '\t']).as_bytes());
    sha.update(GUID.as_bytes());
    let digest = sha.digest().bytes();
    let mut out = [0u8; 28];
    // 20 bytes always encode to exactly 28 characters.
    let written = ENCODE_ENGINE.encode_slice(digest, &mut out);
    debug_assert_eq!(written, Ok(28));
    AcceptKey(out)
}

/// Checks a `Sec-WebSocket-Key` value. RFC 6455 §4.2.1: "A
/// |Sec-WebSocket-Key| header field with a base64-encoded [...] value that,
/// when decoded, is 16 bytes in length." Returns the trimmed key.
pub fn check_key(key: &[u8]) -> Result<&str, RequestError> {
    let key = super::http::trim_ows(key);
    // 16 bytes encode to 22 characters of the standard alphabet and the
    // padding `==` (RFC 4648 §4). The 4 bits left over in the last
    // character may be anything (the RFC's own example key in §4.1,
    // "AQIDBAUGBwgJCgsMDQ4PEC==", has them).
    match key {
        [data @ .., b'=', b'=']
            if data.len() == 22 && data.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/') =>
        {
            core::str::from_utf8(key).map_err(|_| RequestError::InvalidKey)
        }
        _ => Err(RequestError::InvalidKey),
    }
}

/// A `Sec-WebSocket-Key`: 24 ASCII bytes, held inline.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SecKey([u8; 24]);

impl SecKey {
    /// A fresh key from `rng`. RFC 6455 §4.1: "The value of this header
    /// field MUST be a nonce consisting of a randomly selected 16-byte value
    /// that has been base64-encoded [...]. The nonce MUST be selected
    /// randomly for each connection."
    pub fn generate(rng: &mut (impl RandomSource + ?Sized)) -> SecKey {
        let mut nonce = [0u8; 16];
        rng.fill(&mut nonce);
        SecKey::from_nonce(nonce)
    }

    /// The key for a given 16-byte nonce (for tests and replays).
    pub fn from_nonce(nonce: [u8; 16]) -> SecKey {
        let mut out = [0u8; 24];
        let written = ENCODE_ENGINE.encode_slice(nonce, &mut out);
        debug_assert_eq!(written, Ok(24));
        SecKey(out)
    }

    /// A key [`check_key`] accepted (24 bytes).
    pub(crate) fn from_checked(key: &str) -> Option<SecKey> {
        <[u8; 24]>::try_from(key.as_bytes()).ok().map(SecKey)
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The `Sec-WebSocket-Accept` value a server must answer with.
    #[cfg(feature = "test-util")]
    pub fn accept(&self) -> AcceptKey {
        accept_key(self.as_str())
    }
}

impl fmt::Debug for SecKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecKey({:?})", self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::alphabet;
    use base64::engine::general_purpose::GeneralPurposeConfig;
    use base64::engine::DecodePaddingMode;

    /// Standard base64 that requires padding (RFC 6455 §4.3 `base64-padding`)
    /// but tolerates non-zero trailing bits: the RFC's own example key in §4.1,
    /// "AQIDBAUGBwgJCgsMDQ4PEC==", has them.
    const KEY_ENGINE: GeneralPurpose = GeneralPurpose::new(
        &alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_allow_trailing_bits(true)
            .with_decode_padding_mode(DecodePaddingMode::RequireCanonical),
    );

    /// `check_key` as a decoder sees it: 24 characters that decode to 16
    /// bytes.
    fn decodes_to_16(key: &[u8]) -> bool {
        let mut decoded = [0u8; 18];
        key.len() == 24 && KEY_ENGINE.decode_slice(key, &mut decoded) == Ok(16)
    }

    #[test]
    fn check_key_agrees_with_a_base64_decoder() {
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ .\x00\xff";
        let base = *b"dGhlIHNhbXBsZSBub25jZQ==";
        assert!(check_key(&base).is_ok());
        assert!(check_key(b"AQIDBAUGBwgJCgsMDQ4PEC==").is_ok());
        // Every byte at every position, and pairs at the end.
        for i in 0..base.len() {
            for b in 0..=255u8 {
                let mut key = base;
                key[i] = b;
                assert_eq!(check_key(&key).is_ok(), decodes_to_16(&key), "{key:?}");
            }
        }
        for &x in alphabet {
            for &y in alphabet {
                for &z in alphabet {
                    let mut key = base;
                    key[21] = x;
                    key[22] = y;
                    key[23] = z;
                    assert_eq!(check_key(&key).is_ok(), decodes_to_16(&key), "{key:?}");
                }
            }
        }
        for len in 0..40 {
            let key: alloc::vec::Vec<u8> = base.iter().copied().cycle().take(len).collect();
            assert_eq!(check_key(&key).is_ok(), decodes_to_16(&key), "{key:?}");
        }
    }
}
