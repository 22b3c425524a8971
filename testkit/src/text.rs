//! Reference UTF-8 checks, from `core::str` (not the crate's validator).

/// Whether `bytes` is valid UTF-8, or valid UTF-8 cut short inside its
/// last character (so that more bytes could still make it valid).
pub fn valid_utf8_prefix(bytes: &[u8]) -> bool {
    match core::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_cut_inside_a_character_are_valid() {
        let euro = "€".as_bytes();
        assert!(valid_utf8_prefix(b"abc"));
        assert!(valid_utf8_prefix(&euro[..2]));
        assert!(!valid_utf8_prefix(&[0xC0, 0xAF]));
        assert!(!valid_utf8_prefix(&[b'a', 0xFF]));
    }
}
