//! Incremental, fail-fast UTF-8 validation (RFC 6455 §8.1).
//!
//! A text message may arrive in many frames and each frame in many reads,
//! with boundaries inside a character. [`Utf8Validator`] carries at most
//! three bytes of an unfinished character between pieces and reports an
//! error at the first byte that can no longer start or continue valid
//! UTF-8, without waiting for the rest of the frame or message (Autobahn
//! 6.4.1–6.4.4 test exactly this).

use simdutf8::compat::from_utf8;

/// Validates a whole text and returns it as `&str`, with SIMD where the CPU
/// has it (`simdutf8`; up to ten times faster than `core::str::from_utf8`
/// on non-ASCII text, as fast on short ASCII).
#[inline]
pub fn validate(bytes: &[u8]) -> Result<&str, InvalidUtf8> {
    // Short messages are nearly always ASCII: checked a word at a time.
    // Longer ones go straight to the SIMD validator, which checks ASCII 32
    // or 64 bytes at a time (callgrind: a third of the instructions for a
    // 300-byte text).
    if bytes.len() < SIMD_FROM {
        if let Some(text) = crate::unchecked::ascii_str(bytes) {
            return Ok(text);
        }
    }
    simdutf8::basic::from_utf8(bytes).map_err(|_| InvalidUtf8)
}

/// From this length on, [`validate`] uses the SIMD validator first.
const SIMD_FROM: usize = 64;

/// The input is not valid UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidUtf8;

/// Validates UTF-8 that arrives in pieces.
///
/// ```
/// use wsproto::utf8::Utf8Validator;
/// let mut v = Utf8Validator::new();
/// let euro = "€".as_bytes();
/// assert!(v.feed(&euro[..1]).is_ok());
/// assert!(v.feed(&euro[1..]).is_ok());
/// assert!(v.finish().is_ok());
/// // 0xC0 can never start a character: reported at once.
/// assert!(Utf8Validator::new().feed(&[b'a', 0xC0]).is_err());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Utf8Validator {
    pending: [u8; 4],
    pending_len: u8,
}

/// The length of the character a lead byte starts (2–4), for lead bytes
/// that `from_utf8` accepted as the start of an incomplete character.
const fn char_len(lead: u8) -> usize {
    if lead >= 0xF0 {
        4
    } else if lead >= 0xE0 {
        3
    } else {
        2
    }
}

impl Utf8Validator {
    /// A validator at the start of a text.
    pub const fn new() -> Utf8Validator {
        Utf8Validator { pending: [0; 4], pending_len: 0 }
    }

    /// Whether the input so far ends inside a character.
    pub const fn is_mid_char(&self) -> bool {
        self.pending_len != 0
    }

    /// Validates the next piece. An error means some byte, possibly one
    /// carried over from an earlier piece, can no longer be part of valid
    /// UTF-8 whatever follows.
    pub fn feed(&mut self, mut input: &[u8]) -> Result<(), InvalidUtf8> {
        if self.pending_len != 0 {
            // Complete the character left over from the last piece.
            let have = usize::from(self.pending_len);
            let need = char_len(self.pending[0]);
            let take = (need - have).min(input.len());
            let mut buf = self.pending;
            buf[have..have + take].copy_from_slice(&input[..take]);
            match from_utf8(&buf[..have + take]) {
                Ok(_) => {}
                Err(e) if e.error_len().is_none() => {
                    // Still a valid prefix, and the input is used up.
                    self.pending = buf;
                    self.pending_len = (have + take) as u8;
                    return Ok(());
                }
                Err(_) => return Err(InvalidUtf8),
            }
            self.pending_len = 0;
            input = &input[take..];
        }
        match from_utf8(input) {
            Ok(_) => Ok(()),
            // `error_len() == None` means the input ended inside a
            // character whose bytes so far are a valid prefix.
            Err(e) if e.error_len().is_none() => {
                let tail = &input[e.valid_up_to()..];
                self.pending[..tail.len()].copy_from_slice(tail);
                self.pending_len = tail.len() as u8;
                Ok(())
            }
            Err(_) => Err(InvalidUtf8),
        }
    }

    /// Ends the text: an unfinished character is an error. The validator is
    /// reset for the next text.
    pub fn finish(&mut self) -> Result<(), InvalidUtf8> {
        let mid = self.is_mid_char();
        *self = Utf8Validator::new();
        if mid {
            Err(InvalidUtf8)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::str;

    /// Feeds `input` in pieces of `step` bytes and returns the offset of the
    /// piece at which validation failed, or `None` when it passed.
    fn fails_at(input: &[u8], step: usize) -> Option<usize> {
        let mut v = Utf8Validator::new();
        for (i, piece) in input.chunks(step).enumerate() {
            if v.feed(piece).is_err() {
                return Some(i * step);
            }
        }
        v.finish().err().map(|_| input.len())
    }

    #[test]
    fn agrees_with_from_utf8_for_every_split() {
        let samples: &[&[u8]] = &[
            "κόσμε".as_bytes(),
            "€ a 𝄞 b ü".as_bytes(),
            b"\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5\xed\xa0\x80\x65\x64\x69\x74\x65\x64",
            b"\xf4\x90\x80\x80",
            b"\xed\xa0\x80",
            b"\xe0\x80\x80",
            b"\xc0\xaf",
            b"abc\xf0\x9f\x98",
            b"\xff",
            b"",
        ];
        for sample in samples {
            let valid = str::from_utf8(sample).is_ok();
            for step in 1..=sample.len().max(1) {
                assert_eq!(fails_at(sample, step).is_none(), valid, "{sample:x?} step {step}");
            }
        }
    }

    #[test]
    fn fails_at_the_first_impossible_byte() {
        // Autobahn 6.4.1: the bad byte 0xF4 0x90 arrives before the frame ends.
        let mut v = Utf8Validator::new();
        assert!(v.feed("κόσμε".as_bytes()).is_ok());
        assert!(v.feed(&[0xF4]).is_ok());
        assert!(v.feed(&[0x90]).is_err());
        // Surrogates are invalid from their second byte on.
        let mut v = Utf8Validator::new();
        assert!(v.feed(&[0xED]).is_ok());
        assert!(v.feed(&[0xA0]).is_err());
    }
}
