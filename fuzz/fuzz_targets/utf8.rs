//! The incremental UTF-8 validator (`utf8::Utf8Validator`) against
//! `core::str::from_utf8`: `[_, split, seed_lo, seed_hi]` then the text.
//! Fed whole and in pieces, it accepts exactly the valid inputs, and on an
//! invalid one it fails in the very piece that holds the first byte that
//! can no longer be part of valid UTF-8: not before, not after.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wsproto::utf8::Utf8Validator;
use wsproto_fuzz::{cut, prefix};
use wsproto_testkit::text::valid_utf8_prefix;

/// The index of the first byte at which `text` stops being a valid prefix,
/// or `None`.
fn first_bad_byte(text: &[u8]) -> Option<usize> {
    let e = core::str::from_utf8(text).err()?;
    e.error_len()?;
    let start = e.valid_up_to();
    // The bad sequence starts at `start`; it shows itself within 4 bytes.
    (start..text.len().min(start + 4)).find(|&i| !valid_utf8_prefix(&text[start..=i]))
}

/// Feeds the pieces; returns the index of the piece that failed, or
/// `pieces.len()` when `finish` failed, or `None` when all passed.
fn run(v: &mut Utf8Validator, pieces: &[&[u8]]) -> Option<usize> {
    for (i, piece) in pieces.iter().enumerate() {
        if v.feed(piece).is_err() {
            return Some(i);
        }
    }
    v.finish().err().map(|_| pieces.len())
}

fuzz_target!(|data: &[u8]| {
    let (p, text) = prefix(data);
    let valid = core::str::from_utf8(text).is_ok();
    let bad = first_bad_byte(text);
    for pieces in [vec![text], cut(text, p.split, p.seed), cut(text, 1, 0)] {
        let mut v = Utf8Validator::new();
        // Mid-character tracking matches from_utf8 on every prefix.
        let mut end = 0;
        let mut failed_at = None;
        for (i, piece) in pieces.iter().enumerate() {
            let result = v.feed(piece);
            end += piece.len();
            if result.is_err() {
                failed_at = Some(i);
                break;
            }
            assert!(valid_utf8_prefix(&text[..end]), "accepted an invalid prefix of {} bytes", end);
            let mid = core::str::from_utf8(&text[..end]).is_err();
            assert_eq!(v.is_mid_char(), mid, "is_mid_char after {end} bytes");
        }
        match (failed_at, bad) {
            (Some(i), Some(b)) => {
                let start: usize = pieces[..i].iter().map(|p| p.len()).sum();
                let stop = start + pieces[i].len();
                assert!((start..stop).contains(&b), "failed in piece {start}..{stop}, first bad byte is {b}");
            }
            (Some(i), None) => panic!("failed in piece {i} of input that is a valid prefix"),
            (None, Some(b)) => panic!("accepted everything, first bad byte is {b}"),
            (None, None) => {
                // Only an unfinished last character can remain.
                assert_eq!(v.finish().is_ok(), valid, "finish disagrees with from_utf8");
                assert!(!v.is_mid_char(), "finish resets the validator");
            }
        }
        // A validator is reusable after finish.
        let mut again = Utf8Validator::new();
        assert_eq!(run(&mut again, &pieces).is_none(), valid);
    }
});
