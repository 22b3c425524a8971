//! Deterministic generators (no RNG crate) and the ways an input is cut
//! into pieces: the fixed table of splits every stream is fed in, seeded
//! random cuts, and the split byte of a fuzz input.
//!
//! A split is a list of piece lengths that sum to the input's length.

/// A small deterministic generator (xorshift64*), for splits, masking keys
/// and test data.
#[derive(Debug, Clone)]
pub struct XorShift(u64);

impl XorShift {
    /// A generator for `seed` (any value, 0 included).
    pub fn new(seed: u64) -> XorShift {
        XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next value.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A value in `1..=max` (`max` 0 counts as 1).
    pub fn between1(&mut self, max: usize) -> usize {
        1 + (self.next() % max.max(1) as u64) as usize
    }
}

/// The fuzz targets' generator (xorshift32) for cut sizes and partial
/// drains, seeded by the 16-bit seed of a fuzz input. Its sequence is part
/// of what the committed fuzz corpus and reproducers mean.
#[derive(Debug, Clone)]
pub struct XorShift32(u32);

impl XorShift32 {
    /// A generator for `seed`.
    pub fn new(seed: u16) -> XorShift32 {
        XorShift32(0x9E37_79B9 ^ (u32::from(seed) << 8 | 1))
    }

    /// The next value.
    pub fn next_u32(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x
    }

    /// A number in `1..=max` (`max` 0 counts as 1).
    pub fn between1(&mut self, max: usize) -> usize {
        1 + (self.next_u32() as usize) % max.max(1)
    }
}

/// A source of piece sizes.
pub trait Between1 {
    /// A number in `1..=max`.
    fn between1(&mut self, max: usize) -> usize;
}

impl Between1 for XorShift {
    fn between1(&mut self, max: usize) -> usize {
        XorShift::between1(self, max)
    }
}

impl Between1 for XorShift32 {
    fn between1(&mut self, max: usize) -> usize {
        XorShift32::between1(self, max)
    }
}

/// Pieces of random sizes in `1..=max` for `len` bytes (the last one cut
/// to fit); no pieces for 0 bytes.
pub fn random_lens(len: usize, max: usize, rng: &mut impl Between1) -> Vec<usize> {
    let mut out = Vec::new();
    let mut left = len;
    while left > 0 {
        let n = rng.between1(max).min(left);
        out.push(n);
        left -= n;
    }
    out
}

/// Pieces of `size` bytes for `len` bytes, the last one shorter if need be
/// (`size` 0 counts as 1); no pieces for 0 bytes.
pub fn fixed_lens(len: usize, size: usize) -> Vec<usize> {
    let size = size.max(1);
    let mut v = vec![size; len / size];
    if len % size != 0 {
        v.push(len % size);
    }
    v
}

/// A cutter that gives every delivery in pieces of `size` bytes.
pub fn fixed(size: usize) -> impl FnMut(usize) -> Vec<usize> {
    move |len| fixed_lens(len, size)
}

/// A cutter that gives every delivery in one piece.
pub fn whole() -> impl FnMut(usize) -> Vec<usize> {
    |len| if len == 0 { Vec::new() } else { vec![len] }
}

/// A cutter that cuts every delivery at random, in pieces of `1..=max`
/// bytes, from one generator that runs on across deliveries.
pub fn random(mut rng: XorShift, max: usize) -> impl FnMut(usize) -> Vec<usize> {
    move |len| random_lens(len, max, &mut rng)
}

/// The splits every stream is fed in: whole, byte by byte, a few fixed
/// sizes, and several seeded pseudo-random splits, each with a name.
pub fn splits(len: usize) -> Vec<(String, Vec<usize>)> {
    let mut out = vec![("whole".to_string(), vec![len])];
    if len == 0 {
        return out;
    }
    out.push(("byte by byte".to_string(), vec![1; len]));
    for size in [2, 3, 7] {
        if size < len {
            out.push((format!("fixed {size}"), fixed_lens(len, size)));
        }
    }
    for (seed, max) in [(1u64, 4usize), (2, 16), (3, 64), (4, len), (5, len / 2 + 1), (6, 9)] {
        let lens = random_lens(len, max, &mut XorShift::new(seed));
        out.push((format!("random seed {seed} max {max}"), lens));
    }
    out
}

/// Cuts `input` into pieces of the given lengths.
pub fn pieces<'a>(input: &'a [u8], lens: &[usize]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut pos = 0;
    for &n in lens {
        out.push(&input[pos..pos + n]);
        pos += n;
    }
    out
}

/// The lengths of the pieces `len` bytes are cut into by the split byte of
/// a fuzz input: `split == 0`: one piece; `1`: byte by byte; `2..=254`:
/// random sizes in `1..=split`; `255`: a few random cuts anywhere. `seed`
/// drives the random sizes ([`XorShift32`]).
pub fn split_lens(len: usize, split: u8, seed: u16) -> Vec<usize> {
    match split {
        0 => whole()(len),
        1 => vec![1; len],
        255 => random_lens(len, len, &mut XorShift32::new(seed)),
        max => random_lens(len, usize::from(max), &mut XorShift32::new(seed)),
    }
}

/// Cuts `data` into the pieces [`split_lens`] describes.
pub fn cut(data: &[u8], split: u8, seed: u16) -> Vec<&[u8]> {
    pieces(data, &split_lens(data.len(), split, seed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_split_covers_the_input() {
        for len in [0, 1, 2, 7, 100, 4097] {
            for (name, lens) in splits(len) {
                assert_eq!(lens.iter().sum::<usize>(), len, "{name}");
                assert!(len == 0 || lens.iter().all(|&n| n > 0), "{name}: an empty piece");
            }
            for split in [0u8, 1, 2, 17, 254, 255] {
                let lens = split_lens(len, split, 9);
                assert_eq!(lens.iter().sum::<usize>(), len, "split {split}");
                assert!(lens.iter().all(|&n| n > 0 && (split < 2 || split == 255 || n <= usize::from(split))));
            }
            assert_eq!(fixed_lens(len, 3).iter().sum::<usize>(), len);
            assert_eq!(random(XorShift::new(1), 5)(len).iter().sum::<usize>(), len);
        }
        let input = bytes();
        let cut = cut(&input, 3, 1);
        assert_eq!(cut.concat(), input);
        assert_eq!(pieces(&input, &[1, 2, 7]).concat(), input);
    }

    fn bytes() -> Vec<u8> {
        (0..10).collect()
    }

    #[test]
    fn generators_are_deterministic_and_in_range() {
        let (mut a, mut b) = (XorShift::new(5), XorShift::new(5));
        let (mut c, mut d) = (XorShift32::new(5), XorShift32::new(5));
        for max in 1..200 {
            let x = a.between1(max);
            assert_eq!(x, b.between1(max));
            assert!((1..=max).contains(&x));
            let y = c.between1(max);
            assert_eq!(y, d.between1(max));
            assert!((1..=max).contains(&y));
        }
        assert_ne!(XorShift::new(1).next(), XorShift::new(2).next());
    }
}
