//! The crate's only `unsafe` code, kept to one measured hot path.
//!
//! A text message must reach the application as `&str`, and the only safe
//! way to make one, `core::str::from_utf8`, walks a short string byte by
//! byte: about 130 of the 440 instructions that receiving a 16-byte text
//! message costs (callgrind, bench W1). Short messages are nearly always
//! ASCII, which `<[u8]>::is_ascii` checks a word at a time, and ASCII is
//! valid UTF-8 by construction. Anything else goes to the full validator.
//!
//! Built with `RUSTFLAGS="--cfg wsproto_safe"`, this module has no
//! `unsafe` (every text takes the validator) and the crate forbids
//! `unsafe_code` outright. CI runs this module's tests under Miri and the
//! test suite with the safe build.

/// `bytes` as `&str`, when every byte is ASCII.
#[cfg(not(wsproto_safe))]
#[inline]
#[allow(unsafe_code)]
pub(crate) fn ascii_str(bytes: &[u8]) -> Option<&str> {
    if bytes.is_ascii() {
        // SAFETY: every byte is below 0x80. Each such byte is a complete
        // one-byte UTF-8 sequence, so the slice is valid UTF-8, which is
        // what `from_utf8_unchecked` requires.
        Some(unsafe { core::str::from_utf8_unchecked(bytes) })
    } else {
        None
    }
}

/// The safe build: no shortcut; every text takes the full validator.
#[cfg(wsproto_safe)]
#[inline]
pub(crate) fn ascii_str(_bytes: &[u8]) -> Option<&str> {
    None
}

#[cfg(test)]
mod tests {
    use super::ascii_str;

    #[test]
    fn ascii_is_returned_unchanged_and_anything_else_is_left_to_the_validator() {
        let samples: &[&[u8]] = &[b"", b"a", b"hello world 0001", b"\x7f\x00 ~", b"caf\xc3\xa9", b"\x80", b"abc\xff"];
        for bytes in samples {
            match ascii_str(bytes) {
                Some(s) => {
                    assert!(bytes.is_ascii());
                    assert_eq!(s.as_bytes(), *bytes);
                    assert_eq!(core::str::from_utf8(bytes), Ok(s));
                }
                None => assert!(cfg!(wsproto_safe) || !bytes.is_ascii()),
            }
        }
    }

    #[test]
    fn every_length_and_alignment_up_to_64() {
        let data: alloc::vec::Vec<u8> = (0..128u8).map(|i| b'a' + i % 26).collect();
        for start in 0..16 {
            for len in 0..64 {
                let slice = &data[start..start + len];
                if let Some(s) = ascii_str(slice) {
                    assert_eq!(s.as_bytes(), slice);
                }
                let mut bad = slice.to_vec();
                if let Some(last) = bad.last_mut() {
                    *last = 0xC3;
                    assert_eq!(ascii_str(&bad), None);
                }
            }
        }
    }
}
