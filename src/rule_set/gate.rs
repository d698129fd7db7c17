//! Finds which of a few hundred short strings occur in a text, ignoring ASCII case, in
//! one pass that touches little memory.
//!
//! An Aho-Corasick DFA of the rules' strings takes a megabyte or more, and a scan
//! through it misses the cache on most bytes of English text. This gate keeps, for
//! each string of four bytes or more, one window of four bytes, the rarest in English
//! text, as two bits of an 8 KB table, each at a hash of its own: a text position
//! goes further only when the four bytes there set both. (When every string is that
//! long, each keeps two neighbouring windows, and only every other position is
//! read.) Strings of one to three bytes have two tables of their own, asked in the
//! same pass with the same four bytes. The places that pass look their strings up in
//! flat maps (most of them are words that hold a string's window but not the string:
//! the lookup is read on every one) and compare each candidate with the text: its
//! first eight bytes as one word, then in full.

/// Bits in the table of four-byte windows (8 KB), and in those of the first bytes of
/// shorter strings.
const WINDOW_BITS: u32 = 16;

/// A table of `1 << WINDOW_BITS` bits.
type WideTable = BitTable<{ (1 << WINDOW_BITS) / 64 }>;

/// Bytes in lower case for ASCII letters, others as they are.
static FOLD: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    table
};

/// A set of byte strings, each with the index it was given.
#[derive(Debug)]
pub struct Gate {
    /// Bit `b << 8 | a`, with bit 5 of both bytes set (see [`window`]), for every
    /// string `ab` of two bytes and every `b` after a string `a` of one: with
    /// `triple_heads`, the first test at each place, before the exact ones.
    short_heads: WideTable,
    /// Bit [`spread`] of three bytes, with bit 5 of each set, for every string of
    /// three bytes.
    triple_heads: WideTable,
    /// The two [`window_bits`] of a string's rarest window set for every longer string.
    windows: WideTable,
    /// Strings shorter than four bytes, by their [`short_key`].
    short: ListMap<usize>,
    /// Longer strings by their window itself (not its bit: a place whose bit another
    /// window set is turned away by the first slot read).
    long: ListMap<Long>,
    /// The longer strings with ASCII letters in lower case, one after another.
    bytes: Vec<u8>,
    /// Whether any string is shorter than four bytes.
    any_short: bool,
    /// 2 when every string has four bytes or more, else 1. With 2, each string has
    /// two neighbouring windows in the table, one of which sits at an even place
    /// wherever the string occurs: only even places are read, half the work. (A
    /// string of four bytes has one window of its own; the other is every window of
    /// the byte before it and its first three.)
    stride: usize,
}

/// A string of four bytes or more, as found by one of its windows. Its numbers are
/// of 32 bits: the map of them is read at every place the tables pass, and the
/// smaller it is, the fewer of those reads miss the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Long {
    index: u32,
    /// The window's offset in the string (-1 for a window that starts one byte
    /// before it).
    offset: i32,
    /// Where the string is in [`Gate::bytes`].
    start: u32,
    len: u32,
    /// The string's first eight bytes (or all, when fewer) as [`Long::head_of`]
    /// reads a text's: most strings a window brings up differ from the text there
    /// within them, and one comparison of words tells, where a loop over bytes
    /// would mispredict its exit.
    head: u64,
}

/// Bit 5 of every byte of a word: ASCII letters differ from their capitals only
/// there (see [`window`]).
const CASE_BITS: u64 = 0x2020_2020_2020_2020;

impl Long {
    /// The first eight bytes of `bytes`, bit 5 of each set, with those beyond
    /// `len` cleared; `None` when `bytes` is shorter than eight.
    fn head_of(bytes: &[u8], len: usize) -> Option<u64> {
        let eight = u64::from_le_bytes(*bytes.first_chunk::<8>()?);
        let kept = u64::MAX >> (8 * (8 - len.min(8)));
        Some((eight | CASE_BITS) & kept)
    }

    /// Whether the text from `start` on cannot hold the string: its head differs
    /// from the string's (not asked near the text's end, where the full comparison
    /// answers alone).
    fn surely_not_at(&self, text: &[u8], start: usize) -> bool {
        text.get(start..)
            .and_then(|rest| Long::head_of(rest, self.len as usize))
            .is_some_and(|head| head != self.head)
    }
}

impl Gate {
    /// The gate of `strings`; empty strings are never found.
    pub fn new<S: AsRef<[u8]>>(strings: &[S]) -> Gate {
        let stride = if strings.iter().all(|s| s.as_ref().len() >= 4) {
            2
        } else {
            1
        };
        let mut short_heads = BitTable::new();
        let mut triple_heads = BitTable::new();
        let mut windows = BitTable::new();
        let mut short = Vec::new();
        let mut long = Vec::new();
        let mut bytes = Vec::new();
        for (index, string) in strings.iter().enumerate() {
            let folded: Vec<u8> = string.as_ref().iter().map(|&b| FOLD[b as usize]).collect();
            let head = window(&folded);
            match folded.len() {
                0 => {}
                1 => (0..=255).for_each(|b| short_heads.set(head & 0xff | b << 8)),
                2 => short_heads.set(head & 0xffff),
                3 => triple_heads.set(spread(head & 0xff_ffff, WINDOW_BITS)),
                len => {
                    for (four, offset) in long_windows(&folded, stride) {
                        let [first, second] = window_bits(four);
                        windows.set(first);
                        windows.set(second);
                        long.push((
                            four,
                            Long {
                                index: small(index),
                                offset: i32::try_from(offset)
                                    .expect("a window is at most 2^31 bytes into its string"),
                                start: small(bytes.len()),
                                len: small(len),
                                // padded: a string may be shorter than eight bytes
                                head: Long::head_of(&[folded.as_slice(), &[0; 8]].concat(), len)
                                    .unwrap_or_default(),
                            },
                        ));
                    }
                    bytes.extend_from_slice(&folded);
                }
            }
            if (1..4).contains(&folded.len()) {
                short.push((short_key(&folded), index));
            }
        }
        Gate {
            short_heads,
            triple_heads,
            windows,
            any_short: !short.is_empty(),
            short: ListMap::new(short),
            long: ListMap::new(long),
            bytes,
            stride,
        }
    }

    /// Calls `found` with the place and index of every string wherever it occurs in
    /// `text`.
    pub fn each_hit(&self, text: &[u8], mut found: impl FnMut(usize, usize)) {
        let mut from = 0;
        while let Some(at) = self.next_place(text, from) {
            let four = window(&text[at..]);
            if at + 4 <= text.len() && self.long_may_start(four) {
                self.check_long(text, at, four, &mut found);
            }
            if self.any_short && self.short_may_start(four) {
                self.check_short(text, at, &mut found);
            }
            from = at + 1;
        }
    }

    /// The first place from `from` on where the bytes there pass one of the tables.
    /// A loop of its own, with nothing else to keep in registers: it runs on every
    /// byte of every text.
    fn next_place(&self, text: &[u8], from: usize) -> Option<usize> {
        let long_may_start = |four| self.long_may_start(four);
        if self.stride == 2 {
            // No short strings: windows only, at even places.
            return first_passing(text, from.next_multiple_of(2), 2, long_may_start);
        }
        let in_windows = if self.any_short {
            first_passing(text, from, 1, |four| {
                long_may_start(four) || self.short_may_start(four)
            })
        } else {
            first_passing(text, from, 1, long_may_start)
        };
        if in_windows.is_some() {
            return in_windows;
        }
        // The last places, where fewer than four bytes are left.
        let tail = from.max(text.len().saturating_sub(3))..text.len();
        let mut tail = tail.filter(|_| self.any_short);
        tail.find(|&at| self.short_may_start(window(&text[at..])))
    }

    /// Whether a window of a string of four bytes or more may be the four bytes
    /// `four`: both its bits are set.
    fn long_may_start(&self, four: u32) -> bool {
        let [first, second] = window_bits(four);
        self.windows.get(first) && self.windows.get(second)
    }

    /// Whether a string of one to three bytes may start with the four bytes of
    /// `window`.
    fn short_may_start(&self, window: u32) -> bool {
        self.short_heads.get(window & 0xffff)
            || self
                .triple_heads
                .get(spread(window & 0xff_ffff, WINDOW_BITS))
    }

    /// Reports the strings of one to three bytes at `at`.
    fn check_short(&self, text: &[u8], at: usize, found: &mut impl FnMut(usize, usize)) {
        let mut folded = [0; 3];
        for (len, &byte) in (1..=3).zip(&text[at..]) {
            folded[len - 1] = FOLD[usize::from(byte)];
            // A short key is the string itself: no comparison is left to make.
            for &index in self.short.get(short_key(&folded[..len])) {
                found(at, index);
            }
        }
    }

    /// Reports the longer strings whose window `four` sits at `at`.
    fn check_long(&self, text: &[u8], at: usize, four: u32, found: &mut impl FnMut(usize, usize)) {
        for long in self.long.get(four) {
            let (from, len) = (long.start as usize, long.len as usize);
            let string = &self.bytes[from..from + len];
            let Some(start) = at.checked_add_signed(-(long.offset as isize)) else {
                continue;
            };
            if long.surely_not_at(text, start) {
                continue;
            }
            if text
                .get(start..)
                .is_some_and(|rest| opens_with(rest, string))
            {
                found(start, long.index as usize);
            }
        }
    }
}

/// The first of the places `start`, `start + step`… of `text` with four bytes left
/// whose four bytes `pass`. Four places are read for each test of the loop's end
/// (while ten bytes are left): this runs on every place of every text. Inlined, so
/// that each caller's `step` is a constant.
#[inline(always)]
fn first_passing(
    text: &[u8],
    start: usize,
    step: usize,
    pass: impl Fn(u32) -> bool,
) -> Option<usize> {
    let mut at = start;
    while let Some(ten) = text.get(at..).and_then(<[u8]>::first_chunk::<10>) {
        for k in 0..4 {
            if pass(window(&ten[k * step..])) {
                return Some(at + k * step);
            }
        }
        at += 4 * step;
    }
    let rest = text.get(at..).unwrap_or_default();
    let mut places = rest.windows(4).step_by(step);
    places
        .position(|four| pass(window(four)))
        .map(|k| at + step * k)
}

/// Whether `text` opens with `string` (ASCII letters in lower case), in any ASCII case.
pub fn opens_with(text: &[u8], string: &[u8]) -> bool {
    text.get(..string.len()).is_some_and(|candidate| {
        candidate
            .iter()
            .zip(string)
            .all(|(&t, &s)| FOLD[t as usize] == s)
    })
}

/// Lists of values by a key of four bytes, built once and read at every place the
/// gate's tables pass: the keys in one open-addressed table, the values in one
/// vector, so that a lookup reads two small arrays where a hash map of vectors
/// follows a pointer to a heap block per key.
#[derive(Debug)]
struct ListMap<V> {
    /// `(key, start, end)`: the key's values are `values[start..end]`; an empty
    /// slot has `start == end`. At most half the slots are used. (Numbers of 32
    /// bits, as in [`Long`].)
    slots: Box<[(u32, u32, u32)]>,
    /// Bits of a slot's number.
    bits: u32,
    values: Vec<V>,
}

impl<V: Copy + Ord> ListMap<V> {
    /// The map of `pairs`, each value listed once under its key.
    fn new(mut pairs: Vec<(u32, V)>) -> ListMap<V> {
        pairs.sort_unstable();
        pairs.dedup();
        let keys = pairs.chunk_by(|a, b| a.0 == b.0).count();
        let bits = (keys * 2).next_power_of_two().max(2).trailing_zeros();
        let mut slots = vec![(0, 0, 0); 1 << bits].into_boxed_slice();
        let mut values = Vec::with_capacity(pairs.len());
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            let key = group[0].0;
            let start = small(values.len());
            values.extend(group.iter().map(|&(_, value)| value));
            let mut at = spread(key, bits) as usize;
            while slots[at].1 != slots[at].2 {
                at = (at + 1) % slots.len();
            }
            slots[at] = (key, start, small(values.len()));
        }
        ListMap {
            slots,
            bits,
            values,
        }
    }

    /// The values listed under `key`.
    fn get(&self, key: u32) -> &[V] {
        let mut at = spread(key, self.bits) as usize;
        loop {
            let (slot_key, start, end) = self.slots[at];
            if start == end {
                return &[];
            }
            if slot_key == key {
                return &self.values[start as usize..end as usize];
            }
            at = (at + 1) % self.slots.len();
        }
    }
}

/// `n` in 32 bits, for the gate's maps: a gate holds a few thousand short strings.
fn small<T: TryInto<u32>>(n: T) -> u32 {
    n.try_into()
        .unwrap_or_else(|_| panic!("a gate holds fewer than 2^32 strings and bytes"))
}

/// One to three bytes and their number as one key, so that `a` and `a` followed by
/// a NUL byte differ.
fn short_key(bytes: &[u8]) -> u32 {
    bytes_key(bytes) | (bytes.len() as u32) << 24
}

/// Up to four bytes as one number, the first lowest.
fn bytes_key(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .enumerate()
        .fold(0, |key, (k, &b)| key | u32::from(b) << (8 * k))
}

/// Up to four bytes (zeros after fewer), the first lowest, with bit 5 of each set:
/// ASCII letters differ from their capitals only in that bit, so a string and the
/// text it matches share a window (the comparison after the gate tells the few
/// other bytes apart).
fn window(bytes: &[u8]) -> u32 {
    let four = match bytes.first_chunk::<4>() {
        Some(four) => *four,
        None => std::array::from_fn(|k| bytes.get(k).copied().unwrap_or(0)),
    };
    u32::from_le_bytes(four) | 0x2020_2020
}

/// The two bits of the table of windows that a window sets, each a [`spread`] of it
/// by a multiplier of its own: a place whose four bytes are another window's first
/// bit (a common word's, often) is turned away by the second.
fn window_bits(four: u32) -> [u32; 2] {
    [
        spread(four, WINDOW_BITS),
        four.wrapping_mul(0x85EB_CA6B) >> (32 - WINDOW_BITS),
    ]
}

/// `key` spread over `bits` bits: a multiply moves every byte into the high bits,
/// which are kept.
fn spread(key: u32, bits: u32) -> u32 {
    key.wrapping_mul(0x9E37_79B1) >> (32 - bits)
}

/// The windows of a string of four bytes or more that the table keeps, with their
/// offsets in it: the rarest one, or with `stride` 2 the rarest two neighbours (for
/// a string of four bytes, its one window and every window that starts one byte
/// before it).
fn long_windows(string: &[u8], stride: usize) -> Vec<(u32, isize)> {
    if stride == 2 && string.len() == 4 {
        let mut windows = vec![(window(string), 0)];
        windows.extend(
            (0..=255).map(|before| (window(&[before, string[0], string[1], string[2]]), -1)),
        );
        return windows;
    }
    let first = rarest_windows(string, stride);
    (first..first + stride)
        .map(|offset| (window(&string[offset..offset + 4]), offset as isize))
        .collect()
}

/// The offset of the first of `count` neighbouring windows of `string` whose bytes,
/// and pairs of bytes, are rarest in English text, so that the windows seldom occur
/// where the string does not.
fn rarest_windows(string: &[u8], count: usize) -> usize {
    let span = 3 + count;
    // each pair's, read once: the spans overlap
    let pairs: Vec<u32> = string
        .windows(2)
        .map(|p| pair_commonness(p[0], p[1]))
        .collect();
    (0..=string.len() - span)
        .min_by_key(|&at| {
            let single: u32 = string[at..at + span].iter().map(|&b| commonness(b)).sum();
            single + pairs[at..at + span - 1].iter().sum::<u32>()
        })
        .unwrap_or(0)
}

/// How much more often than its bytes alone tell two bytes follow each other in
/// English text, roughly, on the scale of [`commonness`]: a word's edge (a space
/// beside anything else), which every word has, and the commonest pairs of letters
/// ("th", "he", "in"…), half their share in tenths of a percent of pairs.
fn pair_commonness(first: u8, second: u8) -> u32 {
    if (first == b' ') != (second == b' ') {
        return 50;
    }
    match &[first, second] {
        b"th" => 178,
        b"he" => 154,
        b"in" => 122,
        b"er" => 103,
        b"an" => 100,
        b"re" => 93,
        b"on" => 88,
        b"at" => 75,
        b"en" | b"es" | b"ti" => 70,
        b"nd" | b"or" => 66,
        b"te" | b"of" | b"ed" | b"is" | b"it" => 58,
        b"al" | b"ar" | b"st" | b"to" | b"nt" => 53,
        b"ng" | b"se" | b"ha" | b"as" | b"ou" => 45,
        b"io" | b"le" | b"ve" | b"co" | b"me" | b"de" | b"hi" => 40,
        b"ri" | b"ro" | b"ic" | b"ne" | b"ea" | b"ra" | b"ce" => 35,
        _ => 0,
    }
}

/// How often a byte occurs in English text, roughly, in tenths of a percent of
/// letters: the space and the common letters high, rare letters, digits and marks low.
fn commonness(byte: u8) -> u32 {
    match byte {
        b' ' => 180,
        b'e' => 127,
        b't' => 91,
        b'a' => 82,
        b'o' => 75,
        b'i' => 70,
        b'n' => 67,
        b's' => 63,
        b'h' => 61,
        b'r' => 60,
        b'd' => 43,
        b'l' => 40,
        b'c' | b'u' => 28,
        b'm' | b'w' => 24,
        b'f' | b'g' | b'y' => 20,
        b'p' => 19,
        b'b' => 15,
        b',' | b'.' => 10,
        b'v' => 10,
        b'k' => 8,
        _ => 2,
    }
}

/// A table of `64 * WORDS` bits. Its size is part of its type, so that a lookup
/// with a key the compiler knows to be in range has no bounds check: this runs on
/// every byte of every text.
#[derive(Debug)]
struct BitTable<const WORDS: usize>(Box<[u64; WORDS]>);

impl<const WORDS: usize> BitTable<WORDS> {
    fn new() -> Self {
        BitTable(Box::new([0; WORDS]))
    }

    fn set(&mut self, bit: u32) {
        self.0[(bit / 64) as usize] |= 1 << (bit % 64);
    }

    fn get(&self, bit: u32) -> bool {
        self.0[(bit / 64) as usize] & (1 << (bit % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (place, index) where a string occurs, the slow way.
    fn naive(strings: &[&str], text: &str) -> Vec<(usize, usize)> {
        let text = text.to_ascii_lowercase();
        let mut out = Vec::new();
        for at in 0..text.len() {
            for (index, s) in strings.iter().enumerate() {
                let s = s.to_ascii_lowercase();
                if !s.is_empty() && text.as_bytes()[at..].starts_with(s.as_bytes()) {
                    out.push((at, index));
                }
            }
        }
        out.sort_unstable();
        out
    }

    fn gated(strings: &[&str], text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        Gate::new(strings).each_hit(text.as_bytes(), |at, i| out.push((at, i)));
        out.sort_unstable();
        out
    }

    #[test]
    fn finds_strings_of_every_length_in_any_ascii_case() {
        let strings = [
            "/",
            "ad",
            "newsletter",
            "Über",
            "über",
            "© ",
            "subscri",
            "",
            "(c)",
        ];
        let table = [
            ("", vec![]),
            ("a", vec![]),
            ("ad", vec![(0, 1)]),
            ("AD/", vec![(0, 1), (2, 0)]),
            ("Get our NEWSLETTER", vec![(8, 2)]),
            ("Über uns, über alles", vec![(0, 3), (11, 4)]),
            ("© 2024", vec![(0, 5)]),
            ("subscribe / subscription", vec![(0, 6), (10, 0), (12, 6)]),
            ("the news letter", vec![]),
            ("(C) 2024 (c", vec![(0, 8)]),
        ];
        for (text, want) in table {
            assert_eq!(gated(&strings, text), want, "{text}");
        }
    }

    proptest::proptest! {
        /// The gate finds what a search for each string in turn finds.
        #[test]
        fn finds_what_a_plain_search_finds(
            strings in proptest::collection::vec("[abAB@`/ é\\x00]{1,6}", 1..12),
            text in "[abAB@`/ é\\x00]{0,40}",
        ) {
            let strings: Vec<&str> = strings.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(gated(&strings, &text), naive(&strings, &text));
        }

        /// The same with strings of four bytes or more, which the gate reads at
        /// even places only, in texts made of them at every offset.
        #[test]
        fn long_strings_are_found_at_even_and_odd_places(
            strings in proptest::collection::vec("[abAB@`/ é\\x00]{4,7}", 1..12),
            pieces in proptest::collection::vec(
                ("[aB é]{0,3}", proptest::sample::select(vec![false, true]), proptest::prelude::any::<proptest::sample::Index>()),
                0..6,
            ),
        ) {
            let text: String = pieces
                .iter()
                .map(|(filler, upper, pick)| {
                    let string = strings[pick.index(strings.len())].as_str();
                    let string = if *upper { string.to_ascii_uppercase() } else { string.to_string() };
                    format!("{filler}{string}")
                })
                .collect();
            let strings: Vec<&str> = strings.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(gated(&strings, &text), naive(&strings, &text));
        }
    }
}
