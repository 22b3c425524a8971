//! Masking (RFC 6455 §5.3): "Octet i of the transformed data is the XOR of
//! octet i of the original data with octet at index i modulo 4 of the
//! masking key." Masking and unmasking are the same operation.
//!
//! Both functions work a word at a time on any alignment, without
//! `unsafe`: the inner loops read and write fixed 32-byte chunks, which the
//! compiler turns into vector instructions.

/// The key, rotated so that index 0 lines up with payload position `offset`,
/// and repeated to fill a `u64` in memory order.
#[inline]
fn rotated_key_word(key: [u8; 4], offset: usize) -> (u64, [u8; 4]) {
    // Little-endian order makes "rotate the array left by r" a right
    // rotation of the integer, on any host.
    let k = u32::from_le_bytes(key).rotate_right(8 * (offset % 4) as u32).to_le_bytes();
    (u64::from(u32::from_ne_bytes(k)) * 0x1_0000_0001, k)
}

/// XORs `buf` in place with `key`, where `buf[0]` is byte `offset` of the
/// payload (so a payload can be unmasked in pieces as it arrives).
///
/// ```
/// use wsproto::frame::apply_mask;
/// // RFC 6455 §5.7: a masked "Hello".
/// let mut data = *b"\x7f\x9f\x4d\x51\x58";
/// apply_mask(&mut data[..2], [0x37, 0xfa, 0x21, 0x3d], 0);
/// apply_mask(&mut data[2..], [0x37, 0xfa, 0x21, 0x3d], 2);
/// assert_eq!(&data, b"Hello");
/// ```
#[inline]
pub fn apply_mask(buf: &mut [u8], key: [u8; 4], offset: usize) {
    let (word, k) = rotated_key_word(key, offset);
    let mut chunks = buf.chunks_exact_mut(32);
    for chunk in &mut chunks {
        for lane in chunk.chunks_exact_mut(8) {
            let v = u64::from_ne_bytes([lane[0], lane[1], lane[2], lane[3], lane[4], lane[5], lane[6], lane[7]]);
            lane.copy_from_slice(&(v ^ word).to_ne_bytes());
        }
    }
    // 32 and 8 are multiples of 4, so the key phase is unchanged for the
    // tails. Short payloads (most messages) take the 8-byte steps.
    let mut words = chunks.into_remainder().chunks_exact_mut(8);
    for lane in &mut words {
        let v = u64::from_ne_bytes([lane[0], lane[1], lane[2], lane[3], lane[4], lane[5], lane[6], lane[7]]);
        lane.copy_from_slice(&(v ^ word).to_ne_bytes());
    }
    for (i, b) in words.into_remainder().iter_mut().enumerate() {
        *b ^= k[i & 3];
    }
}

/// Writes `src` XOR `key` into `dst`, where `src[0]` is byte `offset` of the
/// payload: masking fused with the copy into an output buffer.
///
/// # Panics
///
/// If `dst` and `src` differ in length.
#[inline]
pub fn copy_masked(dst: &mut [u8], src: &[u8], key: [u8; 4], offset: usize) {
    assert_eq!(dst.len(), src.len(), "copy_masked: lengths differ");
    let (word, k) = rotated_key_word(key, offset);
    let mut d = dst.chunks_exact_mut(32);
    let mut s = src.chunks_exact(32);
    for (dc, sc) in (&mut d).zip(&mut s) {
        for (dl, sl) in dc.chunks_exact_mut(8).zip(sc.chunks_exact(8)) {
            let v = u64::from_ne_bytes([sl[0], sl[1], sl[2], sl[3], sl[4], sl[5], sl[6], sl[7]]);
            dl.copy_from_slice(&(v ^ word).to_ne_bytes());
        }
    }
    for (i, (db, sb)) in d.into_remainder().iter_mut().zip(s.remainder()).enumerate() {
        *db = sb ^ k[i & 3];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    fn reference(buf: &mut [u8], key: [u8; 4], offset: usize) {
        for (i, b) in buf.iter_mut().enumerate() {
            *b ^= key[(offset + i) % 4];
        }
    }

    #[test]
    fn matches_the_bytewise_reference_at_every_offset_alignment_and_length() {
        let key = [0x12, 0x34, 0x56, 0x78];
        let data: Vec<u8> = (0..200u32).map(|i| (i * 7 + 3) as u8).collect();
        for align in 0..16 {
            for offset in 0..8 {
                for len in [0, 1, 3, 4, 7, 8, 31, 32, 33, 63, 64, 65, 100, 150] {
                    let mut expect = data[align..align + len].to_vec();
                    reference(&mut expect, key, offset);

                    let mut got = data.clone();
                    apply_mask(&mut got[align..align + len], key, offset);
                    assert_eq!(&got[align..align + len], &expect[..], "apply align={align} offset={offset} len={len}");
                    assert_eq!(&got[..align], &data[..align]);
                    assert_eq!(&got[align + len..], &data[align + len..]);

                    let mut dst = alloc::vec![0u8; len + 16];
                    copy_masked(&mut dst[align..align + len], &data[align..align + len], key, offset);
                    assert_eq!(&dst[align..align + len], &expect[..], "copy align={align} offset={offset} len={len}");
                }
            }
        }
    }
}
