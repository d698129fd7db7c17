//! Searches that test eight bytes at once, as the bytes of one 64-bit word: the
//! quote tokenizer's runs of letters and digits and the scan for quotation marks.
//! Each test sets the top bit of every byte it marks. And [`first`], which tests
//! sixteen at once in vector registers, for a test the compiler can vectorize (the
//! bytes JSON escapes).

/// 0x01 in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;
/// 0x80 in every byte: the bit a test sets in a byte it marks.
pub const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Marks the bytes of `word` below `bound` (at most 0x80). The lowest mark is exact;
/// one above a true mark may be false (a subtraction's borrow), so only the lowest
/// mark of a word is to be read.
pub fn below(word: u64, bound: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(bound)) & !word & HIGHS
}

/// Marks the bytes of `word` equal to `byte`, as [`below`] marks: the lowest exactly.
pub fn equal(word: u64, byte: u8) -> u64 {
    below(word ^ (ONES * u64::from(byte)), 1)
}

/// Marks the ASCII bytes of `word` from `lo` to `hi`, every one exactly: on seven
/// bits, an addition's carry into the top bit tells a byte's place against a bound,
/// and no carry leaves its byte.
pub fn within(word: u64, lo: u8, hi: u8) -> u64 {
    let seven = word & !HIGHS;
    let from_lo = seven + ONES * u64::from(0x80 - lo);
    let past_hi = seven + ONES * u64::from(0x7f - hi);
    from_lo & !past_hi & !word & HIGHS
}

/// The place of the first byte of `bytes` that `marks` marks, read eight bytes at a
/// time; `test` says the same of one byte, for the last few.
pub fn position(
    bytes: &[u8],
    marks: impl Fn(u64) -> u64,
    test: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    for (k, eight) in chunks.by_ref().enumerate() {
        let found = marks(u64::from_le_bytes(eight.try_into().unwrap_or_default()));
        if found != 0 {
            return Some(8 * k + (found.trailing_zeros() / 8) as usize);
        }
    }
    position_from(bytes, bytes.len() - chunks.remainder().len(), test)
}

/// The place of the first byte of `bytes` from `start` on that `test` holds for,
/// asked byte by byte (the tail a chunked search leaves).
fn position_from(bytes: &[u8], start: usize, test: impl Fn(u8) -> bool) -> Option<usize> {
    bytes[start..]
        .iter()
        .position(|&b| test(b))
        .map(|i| start + i)
}

/// Bytes [`first`] tests at once.
const CHUNK: usize = 16;

/// The place of the first byte of `bytes` that `test` holds for. Each run of
/// 16 bytes (`CHUNK`) is asked whole first, with no branch between its bytes: for a
/// `test` of comparisons, the compiler makes that a few vector instructions (two
/// and a half times fewer than eight bytes at a time in a word, on the baseline
/// x86-64 target).
pub fn first(bytes: &[u8], test: impl Fn(u8) -> bool) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(CHUNK);
    for (k, chunk) in chunks.by_ref().enumerate() {
        let chunk: &[u8; CHUNK] = chunk.try_into().unwrap_or(&[0; CHUNK]);
        if chunk.iter().fold(false, |any, &b| any | test(b)) {
            return chunk.iter().position(|&b| test(b)).map(|i| CHUNK * k + i);
        }
    }
    position_from(bytes, bytes.len() - chunks.remainder().len(), test)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `position` with `marks` finds what `test` finds byte by byte, at every
    /// offset and length, over every byte value.
    fn agrees(marks: impl Fn(u64) -> u64 + Copy, test: impl Fn(u8) -> bool + Copy) {
        let all: Vec<u8> = (0..=255).chain((0..=255).rev()).collect();
        for start in 0..all.len() {
            for end in start..all.len().min(start + 20) {
                let bytes = &all[start..end];
                let want = bytes.iter().position(|&b| test(b));
                assert_eq!(position(bytes, marks, test), want, "{bytes:?}");
            }
        }
    }

    #[test]
    fn each_test_finds_the_first_byte_it_describes() {
        agrees(|w| below(w, 0x20), |b| b < 0x20);
        agrees(
            |w| equal(w, b'"') | equal(w, 0xE2),
            |b| b == b'"' || b == 0xE2,
        );
        agrees(|w| within(w, b'a', b'z'), |b| b.is_ascii_lowercase());
    }

    #[test]
    fn first_finds_the_first_byte_at_every_offset_and_length() {
        let all: Vec<u8> = (0..=255).chain((0..=255).rev()).collect();
        let test = |b: u8| b < 0x20 || b == b'"';
        for start in 0..all.len() {
            for end in start..all.len().min(start + 40) {
                let bytes = &all[start..end];
                assert_eq!(first(bytes, test), bytes.iter().position(|&b| test(b)));
            }
        }
    }
}
