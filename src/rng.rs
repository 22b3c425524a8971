//! Injected randomness. A client needs a fresh masking key for every frame
//! (RFC 6455 §5.3: "derived from a strong source of entropy") and a fresh
//! 16-byte `Sec-WebSocket-Key` for every handshake (§4.1). The crate never
//! reaches for randomness itself: the caller hands a [`RandomSource`] to a
//! client connection.
//!
//! [`ChaChaRng`] is a ChaCha20 stream generator: seeded once with 32 bytes,
//! it yields 64 bytes per block without any system call. With the `os-rng`
//! feature (on by default), [`ChaChaRng::from_os`] seeds it from the
//! operating system's entropy source, once.

/// A source of random bytes for masking keys and handshake keys.
///
/// Any `FnMut(&mut [u8]) + Send` closure is a source, which makes
/// deterministic tests easy.
pub trait RandomSource: Send {
    /// Fills `out` with random bytes.
    fn fill(&mut self, out: &mut [u8]);
}

impl<F: FnMut(&mut [u8]) + Send> RandomSource for F {
    fn fill(&mut self, out: &mut [u8]) {
        self(out)
    }
}

/// A borrowed random source: `BorrowedRng(&mut rng)` is a
/// [`RandomSource`] that fills from `rng`. For `no_std` targets whose
/// generator lives elsewhere, such as a hardware RNG handed out once as a
/// `&'static mut` (a client [`Connection`](crate::Connection) owns its
/// source, so it takes `BorrowedRng<'static, R>`).
///
/// Why not `impl RandomSource for &mut R`: it would overlap the blanket
/// impl for closures (a `&mut F` where `F: FnMut(&mut [u8])` is itself
/// `FnMut`, so it would be a source twice; rustc refuses it, E0119), and
/// dropping that impl would break every closure source. The builders that
/// only borrow a source for one call
/// ([`ClientUpgrade::new`](crate::handshake::ClientUpgrade::new)) take
/// `&mut impl RandomSource` already.
///
/// ```
/// use wsproto::{BorrowedRng, ChaChaRng, RandomSource};
/// let mut rng = ChaChaRng::from_seed([1; 32]);
/// let mut key = [0u8; 4];
/// BorrowedRng(&mut rng).fill(&mut key);
/// ```
#[derive(Debug)]
pub struct BorrowedRng<'a, R: RandomSource + ?Sized>(pub &'a mut R);

impl<R: RandomSource + ?Sized> RandomSource for BorrowedRng<'_, R> {
    fn fill(&mut self, out: &mut [u8]) {
        self.0.fill(out)
    }
}

/// A ChaCha20 keystream used as a random number generator (RFC 8439 §2.3
/// block function), refilled 64 bytes at a time.
#[derive(Clone)]
pub struct ChaChaRng {
    state: [u32; 16],
    block: [u8; 64],
    used: u8,
}

impl core::fmt::Debug for ChaChaRng {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("ChaChaRng { .. }")
    }
}

#[inline(always)]
fn quarter_round(s: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize) {
    s[a] = s[a].wrapping_add(s[b]);
    s[d] = (s[d] ^ s[a]).rotate_left(16);
    s[c] = s[c].wrapping_add(s[d]);
    s[b] = (s[b] ^ s[c]).rotate_left(12);
    s[a] = s[a].wrapping_add(s[b]);
    s[d] = (s[d] ^ s[a]).rotate_left(8);
    s[c] = s[c].wrapping_add(s[d]);
    s[b] = (s[b] ^ s[c]).rotate_left(7);
}

/// The ChaCha20 block function: 20 rounds over `input`, added back.
fn chacha20_block(input: &[u32; 16]) -> [u8; 64] {
    let mut s = *input;
    for _ in 0..10 {
        quarter_round(&mut s, 0, 4, 8, 12);
        quarter_round(&mut s, 1, 5, 9, 13);
        quarter_round(&mut s, 2, 6, 10, 14);
        quarter_round(&mut s, 3, 7, 11, 15);
        quarter_round(&mut s, 0, 5, 10, 15);
        quarter_round(&mut s, 1, 6, 11, 12);
        quarter_round(&mut s, 2, 7, 8, 13);
        quarter_round(&mut s, 3, 4, 9, 14);
    }
    let mut out = [0u8; 64];
    for (i, word) in s.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.wrapping_add(input[i]).to_le_bytes());
    }
    out
}

impl ChaChaRng {
    /// A generator keyed with `seed`. The same seed gives the same bytes:
    /// use a fixed seed for reproducible tests and fuzzing, and 32 bytes
    /// from a cryptographic source otherwise.
    pub fn from_seed(seed: [u8; 32]) -> ChaChaRng {
        let mut state = [0u32; 16];
        // "expand 32-byte k"
        state[..4].copy_from_slice(&[0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]);
        for (i, chunk) in seed.chunks_exact(4).enumerate() {
            state[4 + i] = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        ChaChaRng { state, block: [0; 64], used: 64 }
    }

    /// A generator seeded once from the operating system's entropy source.
    ///
    /// # Panics
    ///
    /// If the operating system cannot provide entropy, which `getrandom`
    /// reports only on broken systems.
    #[cfg(feature = "os-rng")]
    pub fn from_os() -> ChaChaRng {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).expect("the operating system's entropy source failed");
        ChaChaRng::from_seed(seed)
    }

    fn refill(&mut self) {
        self.block = chacha20_block(&self.state);
        // 64-bit block counter in words 12 and 13; words 14 and 15 are the
        // nonce (zero). 2^64 blocks never run out.
        let counter = (u64::from(self.state[13]) << 32 | u64::from(self.state[12])).wrapping_add(1);
        self.state[12] = counter as u32;
        self.state[13] = (counter >> 32) as u32;
        self.used = 0;
    }
}

impl RandomSource for ChaChaRng {
    fn fill(&mut self, mut out: &mut [u8]) {
        while !out.is_empty() {
            if self.used == 64 {
                self.refill();
            }
            let start = usize::from(self.used);
            let n = out.len().min(64 - start);
            out[..n].copy_from_slice(&self.block[start..start + n]);
            // Never hand out the same keystream twice.
            self.block[start..start + n].fill(0);
            self.used += n as u8;
            out = &mut out[n..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_function_matches_rfc8439_2_3_2() {
        let mut state = [0u32; 16];
        state[..4].copy_from_slice(&[0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]);
        for i in 0..8 {
            let b = (i * 4) as u8;
            state[4 + i] = u32::from_le_bytes([b, b + 1, b + 2, b + 3]);
        }
        state[12] = 1;
        state[13] = 0x0900_0000;
        state[14] = 0x4a00_0000;
        state[15] = 0;
        let out = chacha20_block(&state);
        assert_eq!(
            &out[..16],
            &[0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b, 0x59, 0x15, 0x50, 0x0f, 0xdd, 0x1f, 0xa3, 0x20, 0x71, 0xc4]
        );
        assert_eq!(
            &out[48..],
            &[0xb5, 0x12, 0x9c, 0xd1, 0xde, 0x16, 0x4e, 0xb9, 0xcb, 0xd0, 0x83, 0xe8, 0xa2, 0x50, 0x3c, 0x4e]
        );
    }

    #[test]
    fn borrowed_source_continues_the_same_stream() {
        let mut a = ChaChaRng::from_seed([9; 32]);
        let mut b = ChaChaRng::from_seed([9; 32]);
        let mut through = [0u8; 40];
        BorrowedRng(&mut a).fill(&mut through[..20]);
        BorrowedRng(&mut a).fill(&mut through[20..]);
        let mut direct = [0u8; 40];
        b.fill(&mut direct);
        assert_eq!(through, direct);
        // A borrowed closure, and a borrowed trait object.
        let mut n = 0u8;
        let mut counter = |out: &mut [u8]| {
            for o in out {
                n += 1;
                *o = n;
            }
        };
        let mut out = [0u8; 3];
        BorrowedRng(&mut counter).fill(&mut out);
        assert_eq!(out, [1, 2, 3]);
        let dynamic: &mut dyn RandomSource = &mut b;
        BorrowedRng(dynamic).fill(&mut out);
    }

    #[test]
    fn pieces_equal_one_long_read() {
        let mut a = ChaChaRng::from_seed([7; 32]);
        let mut b = ChaChaRng::from_seed([7; 32]);
        let mut long = [0u8; 200];
        a.fill(&mut long);
        let mut pieces = [0u8; 200];
        for chunk in pieces.chunks_mut(3) {
            b.fill(chunk);
        }
        assert_eq!(long, pieces);
        assert_ne!(long[..64], long[64..128]);
    }
}
