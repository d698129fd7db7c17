//! What a person sees in one block of text before reading it closely: its length,
//! whether it ends like a sentence, how many of its words are capitalised, how much of
//! it is digits or symbols, and, asked only of a block that could be a headline,
//! whether it is a link. Each measure is cheap and local; the decisions that combine
//! them with position live in `position` and `mod`.

use memchr::memmem;
use std::sync::LazyLock;

/// Blocks with at least this many words that end like a sentence are prose.
const PROSE_MIN_WORDS: usize = 8;
/// Blocks this long are prose whatever their punctuation, unless they read as a
/// run of capitalised links.
const PROSE_ANY_WORDS: usize = 20;
/// Above this share of capitalised words, a long unpunctuated block is a menu or a
/// headline, not prose (German prose capitalises its nouns and stays well below).
const PROSE_MAX_CAPITALISED: f32 = 0.7;
/// Above this share of digits and symbols, a block is data (dates, counters, prices).
const DATA_MIN_SHARE: f32 = 0.4;
/// A menu item has at most this many words and no sentence punctuation.
const MENU_MAX_WORDS: usize = 4;
/// A short line is sentence-like when it ends like a sentence and has this many words.
const SENTENCE_MIN_WORDS: usize = 2;

/// The surface evidence of one block.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Evidence {
    /// Words, counting two characters of a script written without spaces as one.
    pub words: usize,
    /// Ends with a sentence mark, perhaps followed by closing quotes or brackets.
    pub terminal: bool,
    /// Share of words that start with a capital letter, among words that start with
    /// a letter: counted only for a long block that does not end like a sentence,
    /// the only one whose reading it decides (see [`Evidence::is_prose`]).
    pub capitalised: Option<f32>,
    /// Share of digits and symbols among the characters that are not white space.
    pub data: f32,
    /// Opens with a list bullet or number ("- ", "• ", "2. "): an item of a list
    /// someone wrote, which scrapers keep for articles and drop for menus.
    pub bullet: bool,
    /// Opens with a quotation mark: someone's words, however short.
    pub quoted: bool,
}

impl Evidence {
    /// The evidence of `text`.
    pub fn of(text: &str) -> Evidence {
        let (count, unspaced) = Counts::of::<false>(text);
        let words = count.words + unspaced / 2;
        let terminal = ends_with_terminal(text);
        let data = share(count.data, count.visible);
        // A second pass, on the few blocks that need it, spares every other block
        // the work of finding each word's first letter.
        let capitalised =
            (words >= PROSE_ANY_WORDS && !terminal && data < DATA_MIN_SHARE).then(|| {
                let (count, _) = Counts::of::<true>(text);
                share(count.capitals, count.lettered)
            });
        Evidence {
            words,
            terminal,
            capitalised,
            data,
            bullet: is_bulleted(text),
            quoted: text.starts_with(['"', '“', '„', '«', '‘']),
        }
    }

    /// Reads as running text: a sentence of some length, or a long block that is
    /// neither a run of capitalised links nor data.
    pub fn is_prose(&self) -> bool {
        if self.data >= DATA_MIN_SHARE {
            return false;
        }
        (self.words >= PROSE_MIN_WORDS && self.terminal)
            || (self.words >= PROSE_ANY_WORDS
                && self.capitalised.is_some_and(|c| c < PROSE_MAX_CAPITALISED))
    }

    /// A short line that still ends like a sentence ("The vote was 7-2.", "“No.”").
    pub fn is_sentence(&self) -> bool {
        self.terminal
            && (self.words >= SENTENCE_MIN_WORDS || self.quoted)
            && self.data < DATA_MIN_SHARE
    }

    /// A few words without sentence punctuation, as in a menu.
    pub fn is_menu_item(&self) -> bool {
        self.words <= MENU_MAX_WORDS && !self.terminal
    }

    /// Mostly digits and symbols: dates, times, counters, prices, page numbers.
    pub fn is_data(&self) -> bool {
        self.data >= DATA_MIN_SHARE
    }
}

fn share(part: usize, whole: usize) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// What one character counts as in the evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Space,
    Upper,
    /// A letter that is not upper case.
    Lower,
    /// A number that is not a letter.
    Digit,
    /// Punctuation of running text.
    Prose,
    /// Anything else: data.
    Symbol,
}

impl Kind {
    fn of(c: char) -> Kind {
        // Asked first: curly quotes and dashes are most of the non-ASCII characters
        // of news text, and none of them is a space, letter or number, so the order
        // changes no answer while sparing the Unicode tables' slow lookups.
        if is_prose_punctuation(c) {
            Kind::Prose
        } else if c.is_whitespace() {
            Kind::Space
        } else if c.is_alphabetic() {
            if c.is_uppercase() {
                Kind::Upper
            } else {
                Kind::Lower
            }
        } else if c.is_numeric() {
            Kind::Digit
        } else {
            Kind::Symbol
        }
    }
}

// The flags of a character's [`Kind`], which [`Counts::step`] adds up.
/// White space.
const SPACE: u8 = 1;
/// A letter or a digit.
const ALNUM: u8 = 2;
/// A letter.
const LETTER: u8 = 4;
/// A capital letter.
const UPPER: u8 = 8;
/// A digit or a symbol: data.
const DATA: u8 = 16;

impl Kind {
    fn flags(self) -> u8 {
        match self {
            Kind::Space => SPACE,
            Kind::Upper => ALNUM | LETTER | UPPER,
            Kind::Lower => ALNUM | LETTER,
            Kind::Digit => ALNUM | DATA,
            Kind::Prose => 0,
            Kind::Symbol => DATA,
        }
    }
}

/// The flags of every ASCII character, asked once.
static ASCII_FLAGS: LazyLock<[u8; 128]> =
    LazyLock::new(|| std::array::from_fn(|b| Kind::of(char::from(b as u8)).flags()));

/// The running counts of [`Evidence::of`], each character's flags added in without
/// a branch.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    words: usize,
    /// Words whose first letter or digit is a letter.
    lettered: usize,
    /// Words whose first letter or digit is a capital.
    capitals: usize,
    visible: usize,
    data: usize,
    /// 1 inside a word.
    in_word: usize,
    /// 1 inside a word whose first letter or digit is still to come.
    awaiting: usize,
}

impl Counts {
    /// The counts of `text`, and how many of its characters are of a script written
    /// without spaces; `lettered` and `capitals` only with `CAPITALS`. This runs on
    /// every block of every article: runs of eight ASCII bytes are counted together
    /// ([`Counts::step_ascii8`]), other characters one by one.
    fn of<const CAPITALS: bool>(text: &str) -> (Counts, usize) {
        let ascii_flags = &*ASCII_FLAGS;
        let mut count = Counts::default();
        let mut unspaced = 0;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let ascii8 = bytes[at..]
                .first_chunk::<8>()
                .filter(|e| u64::from_ne_bytes(**e) & crate::byte_scan::HIGHS == 0);
            if let Some(eight) = ascii8 {
                // `& 0x7f` only spares a bounds check: the bytes are ASCII.
                count.step_ascii8::<CAPITALS>(eight.map(|b| ascii_flags[usize::from(b & 0x7f)]));
                at += 8;
                continue;
            }
            let byte = bytes[at];
            if byte.is_ascii() {
                count.step::<CAPITALS>(ascii_flags[usize::from(byte)]);
                at += 1;
                continue;
            }
            let c = text[at..].chars().next().unwrap_or_default();
            at += c.len_utf8();
            count.step::<CAPITALS>(char_flags(c, &mut unspaced));
        }
        (count, unspaced)
    }

    /// Adds one character's flags.
    fn step<const CAPITALS: bool>(&mut self, flags: u8) {
        let bit = |flag: u8| usize::from(flags & flag != 0);
        let visible = 1 - bit(SPACE);
        let start = visible & (1 - self.in_word);
        self.words += start;
        self.in_word = visible;
        if CAPITALS {
            let awaiting = (self.awaiting | start) & visible;
            let first = awaiting & bit(ALNUM);
            self.lettered += first & bit(LETTER);
            self.capitals += first & bit(UPPER);
            self.awaiting = awaiting & (1 - first);
        }
        self.visible += visible;
        self.data += bit(DATA);
    }

    /// Adds the flags of eight ASCII characters at once, as eight [`Counts::step`]s
    /// would: each flag becomes a mask of one bit per character, the first lowest.
    ///
    /// A word's first letter or digit is one whose last space comes after the last
    /// letter or digit before it. An addition finds them all: adding the spaces to
    /// the mask of everything but letters and digits carries from each space up to
    /// the next letter or digit, and the carry into a position is exactly "a space,
    /// and no letter or digit since, before it".
    fn step_ascii8<const CAPITALS: bool>(&mut self, flags: [u8; 8]) {
        let flags = u64::from_le_bytes(flags);
        // The flag as the low bit of each character's byte.
        let bytes = |flag: u8| (flags >> flag.trailing_zeros()) & 0x0101_0101_0101_0101;
        // Moves the low bit of byte k to bit 56 + k.
        let mask = |flag: u8| (bytes(flag).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32;
        // Adds up the bytes of `bytes(flag)` into the top one.
        let count = |flag: u8| (bytes(flag).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
        let space = mask(SPACE);
        let visible = !space & 0xff;
        let in_word = self.in_word as u32;
        // Visible characters after a space or at the text's start.
        let starts = visible & !(visible << 1 | in_word);
        if CAPITALS {
            let alnum = mask(ALNUM);
            let after_space = 1 - in_word;
            // Awaiting a first letter or digit going in: after a space, or still.
            let carry_in = after_space | self.awaiting as u32;
            let others = !alnum & 0xff;
            let sum = others + space + carry_in;
            let carried = (sum ^ others ^ space) & 0xff;
            let first = alnum & carried;
            self.lettered += bit_count(first & mask(LETTER));
            self.capitals += bit_count(first & mask(UPPER));
            self.awaiting = (sum >> 8) as usize & (visible >> 7) as usize;
        }
        self.words += bit_count(starts);
        self.visible += 8 - count(SPACE);
        self.data += count(DATA);
        self.in_word = (visible >> 7) as usize;
    }
}

/// The set bits of a mask of eight, from a table: `count_ones` is a dozen
/// instructions on the baseline x86-64 target, which has no popcount instruction.
fn bit_count(mask: u32) -> usize {
    static BIT_COUNTS: [u8; 256] = {
        let mut table = [0; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = (b as u8).count_ones() as u8;
            b += 1;
        }
        table
    };
    usize::from(BIT_COUNTS[(mask & 0xff) as usize])
}

/// The flags of character `c`; one of a script written without spaces between
/// words is counted in `unspaced` instead of as data.
fn char_flags(c: char, unspaced: &mut usize) -> u8 {
    let flags = Kind::of(c).flags();
    if is_unspaced_script(c) {
        *unspaced += 1;
        return flags & !DATA;
    }
    flags
}

/// Scripts written without spaces between words (Chinese, Japanese, Thai).
fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}' | '\u{0e00}'..='\u{0e7f}')
}

/// Punctuation that running text uses; anything else that is not a letter is data.
fn is_prose_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\''
            | '"'
            | '('
            | ')'
            | '-'
            | '–'
            | '—'
            | '’'
            | '‘'
            | '“'
            | '”'
            | '„'
            | '«'
            | '»'
            | '…'
            | '¿'
            | '¡'
            | '。'
            | '，'
            | '、'
    )
}

fn is_bulleted(text: &str) -> bool {
    let Some((first, rest)) = text.split_once(' ') else {
        return false;
    };
    let numbered = first.len() <= 3
        && first.ends_with(['.', ')'])
        && first[..first.len() - 1].bytes().all(|b| b.is_ascii_digit());
    let marked = matches!(first, "-" | "–" | "•" | "*" | "·" | "▪" | "◦");
    (numbered || marked) && !rest.trim().is_empty()
}

/// Holds a web address or an e-mail address. Not a measure of [`Evidence`]: it reads
/// the whole block, and only a block that could be a headline is asked.
pub fn is_link(text: &str) -> bool {
    // Searchers built once: this runs on every block.
    static WEB_MARKS: LazyLock<[memmem::Finder<'static>; 2]> =
        LazyLock::new(|| [memmem::Finder::new("://"), memmem::Finder::new("www.")]);
    WEB_MARKS
        .iter()
        .any(|mark| mark.find(text.as_bytes()).is_some())
        || is_email(text)
}

fn is_email(text: &str) -> bool {
    // Most blocks hold no `@`: one fast scan answers for them.
    memchr::memchr(b'@', text.as_bytes()).is_some()
        && text.split_whitespace().any(|w| {
            w.split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
        })
}

/// True when `s` ends like a sentence: a terminal mark, perhaps followed by closers.
pub fn ends_with_terminal(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    s.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Counts::of`] without the eight-byte steps.
    fn counted_one_by_one<const CAPITALS: bool>(text: &str) -> (Counts, usize) {
        let mut count = Counts::default();
        let mut unspaced = 0;
        for c in text.chars() {
            count.step::<CAPITALS>(char_flags(c, &mut unspaced));
        }
        (count, unspaced)
    }

    proptest::proptest! {
        /// Eight ASCII characters at once count as they do one by one, whatever
        /// surrounds them.
        #[test]
        fn eight_at_once_counts_as_one_by_one(text in "[a-cA-C0-9 \t\n.,\"(@#\x00\x1cé“中]{0,40}") {
            proptest::prop_assert_eq!(Counts::of::<true>(&text), counted_one_by_one::<true>(&text));
            proptest::prop_assert_eq!(Counts::of::<false>(&text), counted_one_by_one::<false>(&text));
        }
    }

    #[test]
    fn prose_sentence_menu_and_data() {
        // (text, prose, sentence, menu item, data)
        let table: &[(&str, bool, bool, bool, bool)] = &[
            (
                "The council voted on Tuesday to approve the new budget.",
                true,
                true,
                false,
                false,
            ),
            (
                "Der Stadtrat hat am Dienstag den neuen Haushalt für die Schulen der Stadt beschlossen, nach langer Debatte und mit knapper Mehrheit",
                true,
                false,
                false,
                false,
            ),
            ("The vote was 7-2.", false, true, false, false),
            ("Home", false, false, true, false),
            ("Weather and Traffic", false, false, true, false),
            ("12:03 | 04.05.2017", false, false, true, true),
            (
                "Home News Sport Weather Culture Business Travel Opinion Video Audio Live Politics World Europe Asia Africa Health Science Tech Markets",
                false,
                false,
                false,
                false,
            ),
            (
                "Council approves budget for next year",
                false,
                false,
                false,
                false,
            ),
            (
                "这是一段没有空格的中文文字，它讲述了一个城市议会批准新预算的故事。",
                true,
                true,
                false,
                false,
            ),
        ];
        for &(text, prose, sentence, menu, data) in table {
            let e = Evidence::of(text);
            assert_eq!(e.is_prose(), prose, "prose: {text} {e:?}");
            assert_eq!(e.is_sentence(), sentence, "sentence: {text}");
            assert_eq!(e.is_menu_item(), menu, "menu: {text}");
            assert_eq!(e.is_data(), data, "data: {text}");
        }
    }

    /// [`Kind::of`] asks for prose punctuation first, which is right only while none
    /// of it is also a space, a letter or a number.
    #[test]
    fn prose_punctuation_is_no_space_letter_or_number() {
        let chars = (0..=u32::from(char::MAX)).filter_map(char::from_u32);
        for c in chars.filter(|&c| is_prose_punctuation(c)) {
            assert!(
                !c.is_whitespace() && !c.is_alphabetic() && !c.is_numeric(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn measures() {
        let e = Evidence::of("Read the Full Story at www.example.com");
        assert!(is_link("Read the Full Story at www.example.com"));
        assert_eq!(e.words, 6);
        assert_eq!(e.capitalised, None, "{e:?}");
        let long = "Read the Full Story at www.example.com and more of it from us at home today on the site for you";
        let e = Evidence::of(long);
        assert!((e.capitalised.unwrap() - 0.15).abs() < 1e-6, "{e:?}");
        assert!(is_link("Write to news@example.org today"));
        assert!(!is_link("Meet @jane on stage"));
        assert_eq!(Evidence::of("").words, 0);
    }

    #[test]
    fn bullets_and_quotes() {
        let table = [
            ("- 200 new teachers", true, false),
            ("• a new roof", true, false),
            ("2. Cut the onions", true, false),
            ("2020. A year", false, false),
            ("-5 degrees overnight", false, false),
            ("\u{201c}No.\u{201d}", false, true),
            ("\"Never,\" she said.", false, true),
        ];
        for (text, bullet, quoted) in table {
            let e = Evidence::of(text);
            assert_eq!((e.bullet, e.quoted), (bullet, quoted), "{text}");
        }
        assert!(Evidence::of("\u{201c}No.\u{201d}").is_sentence());
        assert!(Evidence::of("Pure propaganda.").is_sentence());
    }

    #[test]
    fn terminal_marks() {
        let table = [
            ("It passed.", true),
            ("He said \u{201c}no.\u{201d}", true),
            ("(It passed.)", true),
            ("Is it?", true),
            ("Headline without a period", false),
            ("Read more:", false),
            ("它通过了。", true),
        ];
        for (text, want) in table {
            assert_eq!(ends_with_terminal(text), want, "{text}");
        }
    }
}
