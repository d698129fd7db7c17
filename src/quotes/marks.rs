//! Quotation marks: which marks open, close or are apostrophes, and how they pair
//! into quoted stretches, paragraph by paragraph.
//!
//! Double marks (straight, curly, `''`, guillemets) pair first, curly ones nesting
//! one level deep (`“…“…”…”`) and marks of another style inside a quotation that
//! closes (`"…“…”…"`); single marks pair only outside them (British style,
//! headlines), and a single mark between letters ("Russia's") or before digits
//! ("'90s") is an apostrophe. An unclosed quote runs to the end of its paragraph,
//! and continues when the next paragraph opens with a mark.

use crate::span::Span;

/// A quoted stretch of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawQuote {
    /// From the opening mark to the closing mark (or the paragraph end).
    pub outer: Span,
    /// The quoted words, without marks and surrounding white space.
    pub inner: Span,
    /// Index of the paragraph (region) it is in.
    pub region: usize,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
    /// True when it continues a quotation left open at the end of the previous paragraph.
    pub continued_from_previous: bool,
    /// Single marks rather than double.
    pub single: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark whose side only the pairing can tell.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    role: Role,
    single: bool,
}

fn is_opening_context(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "([{—–-/“‘«".contains(c))
}

fn is_closing_context(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || ",.;:!?)]}—–-/”’»…".contains(c))
}

/// The quotation marks of `region`, apostrophes left out. Every mark starts with
/// one of a few bytes, so the scan jumps from one of those to the next.
fn marks(text: &str, region: Span) -> Vec<Mark> {
    let slice = region.slice(text);
    let bytes = slice.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(step) = first_lead(&bytes[i..]) {
        // ASCII or a lead byte: always a char boundary
        i += step;
        let Some(c) = slice[i..].chars().next() else {
            break;
        };
        // invisible format marks (a direction mark a scraper kept) are no context;
        // only a few are looked past, so the scan stays linear
        let prev = slice[..i]
            .chars()
            .rev()
            .take(MAX_FORMAT_RUN)
            .find(|&p| !is_format(p));
        let rest = &slice[i + c.len_utf8()..];
        let next = rest.chars().next();
        let doubled = matches!((c, next), ('\'', Some('\'')) | ('`', Some('`')));
        let mark = match c {
            // a curly mark typed the wrong way round reads by its place:
            // `not,“ he said` closes, `said ”Yes` opens
            '“' if closes_here(prev, next) => Some((Role::Close, false, c.len_utf8())),
            // and one opening its paragraph has nothing to close: `” … he said`
            '”' if prev.is_none() || opens_here(prev, next) => {
                Some((Role::Open, false, c.len_utf8()))
            }
            '“' | '„' | '«' => Some((Role::Open, false, c.len_utf8())),
            '”' | '»' => Some((Role::Close, false, c.len_utf8())),
            '`' if doubled => Some((Role::Open, false, 2)),
            '"' => Some((straight_role(prev, next), false, 1)),
            '\'' if doubled => Some((straight_role(prev, rest[1..].chars().next()), false, 2)),
            '‘' if next.is_some_and(|n| n.is_ascii_digit()) => None,
            '‘' => Some((Role::Open, true, c.len_utf8())),
            '’' | '\'' => single_role(c, prev, next, rest).map(|role| (role, true, c.len_utf8())),
            _ => None,
        };
        let len = match mark {
            Some((role, single, len)) => {
                out.push(Mark {
                    at: region.start + i,
                    len,
                    role,
                    single,
                });
                len
            }
            None => c.len_utf8(),
        };
        i += len;
    }
    out
}

/// The bytes a quotation mark starts with: `"`, `'`, `` ` ``, and the lead bytes of
/// `«»` (0xC2) and of the curly marks (0xE2).
const MARK_LEADS: [u8; 5] = [b'"', b'\'', b'`', 0xC2, 0xE2];

/// Where the first of the [`MARK_LEADS`] is in `bytes`, read eight bytes at a time.
fn first_lead(bytes: &[u8]) -> Option<usize> {
    let leads = |w: u64| {
        MARK_LEADS
            .iter()
            .fold(0, |found, &lead| found | crate::byte_scan::equal(w, lead))
    };
    crate::byte_scan::position(bytes, leads, |b| MARK_LEADS.contains(&b))
}

/// The most format characters looked past before a mark.
const MAX_FORMAT_RUN: usize = 4;

/// Zero-width and bidirectional format characters, which take no place in the text.
fn is_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// After a word or a sentence's punctuation and before a space or the end.
fn closes_here(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| p.is_alphanumeric() || ".,!?".contains(p))
        && next.is_none_or(char::is_whitespace)
}

/// After a space or the start and before a letter or digit.
fn opens_here(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(char::is_whitespace) && next.is_some_and(char::is_alphanumeric)
}

fn straight_role(prev: Option<char>, next: Option<char>) -> Role {
    if is_opening_context(prev) && !next.is_none_or(char::is_whitespace) {
        Role::Open
    } else if is_closing_context(next) {
        Role::Close
    } else {
        Role::Either
    }
}

/// A right single mark or straight apostrophe: apostrophe, or which side of a quote.
fn single_role(c: char, prev: Option<char>, next: Option<char>, rest: &str) -> Option<Role> {
    let word_before = prev.is_some_and(char::is_alphanumeric);
    let word_after = next.is_some_and(char::is_alphanumeric);
    match (word_before, word_after) {
        (true, true) => None,
        (false, true) => {
            let elided = rest.starts_with(|d: char| d.is_ascii_digit())
                || rest.starts_with("n'")
                || rest.starts_with("n’")
                || starts_elision(rest);
            (c == '\'' && is_opening_context(prev) && !elided).then_some(Role::Open)
        }
        (true, false) => Some(Role::Close),
        (false, false) => prev
            .is_some_and(|p| ".,!?".contains(p) && is_closing_context(next))
            .then_some(Role::Close),
    }
}

/// Words that commonly lose their first letters to an apostrophe ("'em", "'til").
fn starts_elision(rest: &str) -> bool {
    ["em ", "til ", "tis ", "cause ", "bout "].iter().any(|w| {
        rest.get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w))
    })
}

/// The quoted stretches of each region, in order.
pub fn find(text: &str, regions: &[Span]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut continuing = false;
    for (index, &region) in regions.iter().enumerate() {
        let marks = marks(text, region);
        let first_piece = out.len();
        let unclosed = pair_doubles(text, region, index, &marks, &mut out);
        if continuing {
            if let Some(first) = out.get_mut(first_piece) {
                if first.outer.start == marks.first().map_or(usize::MAX, |m| m.at) {
                    first.continued_from_previous = true;
                }
            }
        }
        let doubles = out[first_piece..]
            .iter()
            .map(|q| q.outer)
            .collect::<Vec<_>>();
        pair_singles(text, region, index, &marks, &doubles, &mut out);
        out[first_piece..].sort_by_key(|q| q.outer.start);
        let next_opens = regions
            .get(index + 1)
            .is_some_and(|next| next.slice(text).starts_with(['"', '“', '«', '„']));
        continuing = unclosed && next_opens;
    }
    out
}

/// Pairs the double marks of one region; returns true when a quote was left open.
fn pair_doubles(
    text: &str,
    region: Span,
    index: usize,
    marks: &[Mark],
    out: &mut Vec<RawQuote>,
) -> bool {
    let mut open: Option<Mark> = None;
    // `“He calls it “hell” now.”`: a curly quotation opened inside another, pending
    // until the outer one closes; its outer mark, its own opening mark and, once it
    // has closed, its place in `out`
    let mut nested: Option<(Mark, Mark, Option<usize>)> = None;
    // an outer quotation that never closed ends where the inner one opened
    let unnest = |nested: &mut Option<(Mark, Mark, Option<usize>)>, out: &mut Vec<RawQuote>| {
        if let Some((outer, inner, _)) = nested.take() {
            push(text, index, outer, None, inner.at, false, out);
        }
    };
    let doubles = || marks.iter().filter(|m| !m.single);
    // (most paragraphs keep to one style, and nothing can nest in another)
    let mut styles = doubles().map(|&m| style(text, m));
    let first_style = styles.next();
    let inside_other_style = if styles.any(|s| Some(s) != first_style) {
        nested_in_other_style(text, &doubles().copied().collect::<Vec<_>>())
    } else {
        Vec::new()
    };
    let outside = doubles()
        .enumerate()
        .filter(|(k, _)| !inside_other_style.get(*k).is_some_and(|&inside| inside));
    for (_, &mark) in outside {
        // German style: „ opens and “ closes
        let low_high =
            open.is_some_and(|o| text[o.at..].starts_with('„')) && text[mark.at..].starts_with('“');
        let role = if low_high { Role::Close } else { mark.role };
        match (open, role) {
            (None, Role::Open | Role::Either) => {
                unnest(&mut nested, out);
                open = Some(mark);
            }
            (None, Role::Close) => {
                // the outer quotation closes, and the inner one is part of it
                if let Some((outer, _, inner)) = nested.take() {
                    if inner.is_some_and(|i| i + 1 == out.len()) {
                        out.pop();
                    }
                    push(text, index, outer, Some(mark), region.end, false, out);
                }
            }
            (Some(start), Role::Close | Role::Either) => {
                push(text, index, start, Some(mark), region.end, false, out);
                open = None;
                if let Some((_, _, inner)) = nested.as_mut() {
                    *inner = Some(out.len().saturating_sub(1));
                }
            }
            (Some(start), Role::Open) => {
                let nests =
                    nested.is_none() && is_curly_open(text, start) && is_curly_open(text, mark);
                if nests {
                    nested = Some((start, mark, None));
                } else {
                    unnest(&mut nested, out);
                    push(text, index, start, None, mark.at, false, out);
                }
                open = Some(mark);
            }
        }
    }
    unnest(&mut nested, out);
    match open {
        Some(start) => {
            push(text, index, start, None, region.end, false, out);
            true
        }
        None => false,
    }
}

/// The families of double marks: a quotation opened in one closes in the same one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Straight,
    Doubled,
    Curly,
    Guillemet,
}

/// The family of the double mark at `mark`.
fn style(text: &str, mark: Mark) -> Style {
    match text[mark.at..].chars().next() {
        Some('"') => Style::Straight,
        Some('“' | '”' | '„') => Style::Curly,
        Some('«' | '»') => Style::Guillemet,
        _ => Style::Doubled,
    }
}

/// Which of the double `marks` lie inside a quotation of another style that closes
/// in the same paragraph: in `"It comes across as “too loud” or “shrill.”"` the
/// curly marks are nested in the straight ones, and pairing them would cut the
/// quotation at the first. The inner marks must open and close in turn, after some
/// words: `“Roads crumble," she said. "Families…”` mixes styles in one speaker's
/// quotations, and `"“You don't win…”` doubles an opening mark. Each mark is looked
/// at once or twice, so this is linear.
fn nested_in_other_style(text: &str, marks: &[Mark]) -> Vec<bool> {
    let mut inside = vec![false; marks.len()];
    let mut i = 0;
    while i < marks.len() {
        let opening = marks[i];
        let family = style(text, opening);
        let close = (opening.role == Role::Open)
            .then(|| {
                marks[i + 1..]
                    .iter()
                    .position(|&m| style(text, m) == family)
            })
            .flatten()
            .map(|offset| i + 1 + offset)
            .filter(|&j| marks[j].role != Role::Open);
        match close {
            Some(j) if nests(&marks[i + 1..j], opening.at + opening.len) => {
                inside[i + 1..j].fill(true);
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    inside
}

/// Marks that open and close in turn, the first some way after `words_from`.
fn nests(inner: &[Mark], words_from: usize) -> bool {
    let in_turn = inner.iter().enumerate().all(|(k, m)| match m.role {
        Role::Open => k % 2 == 0,
        Role::Close => k % 2 == 1,
        Role::Either => true,
    });
    in_turn && inner.len() % 2 == 0 && inner.first().is_some_and(|m| m.at > words_from)
}

/// A left curly double mark, the one style whose marks can nest.
fn is_curly_open(text: &str, mark: Mark) -> bool {
    text[mark.at..].starts_with('“') && mark.role == Role::Open
}

/// Pairs single marks that lie outside every double-quoted stretch of the region.
fn pair_singles(
    text: &str,
    region: Span,
    index: usize,
    marks: &[Mark],
    doubles: &[Span],
    out: &mut Vec<RawQuote>,
) {
    let mut open: Option<Mark> = None;
    // `doubles` and `marks` are both in order: one pointer walks the doubles
    let mut d = 0;
    for &mark in marks.iter().filter(|m| m.single) {
        while d < doubles.len() && doubles[d].end <= mark.at {
            d += 1;
        }
        if doubles.get(d).is_some_and(|q| q.start <= mark.at) {
            continue;
        }
        match (open, mark.role) {
            (_, Role::Open) => open = Some(mark),
            (Some(start), Role::Close | Role::Either) if !is_plural_possessive(text, mark) => {
                push(text, index, start, Some(mark), region.end, true, out);
                open = None;
            }
            _ => {}
        }
    }
}

/// "the students' union": a mark after an s, before a lower-case word.
fn is_plural_possessive(text: &str, mark: Mark) -> bool {
    let before = text[..mark.at].ends_with('s');
    let mut after = text[mark.at + mark.len..].chars();
    before && after.next() == Some(' ') && after.next().is_some_and(char::is_lowercase)
}

fn push(
    text: &str,
    region: usize,
    open: Mark,
    close: Option<Mark>,
    limit: usize,
    single: bool,
    out: &mut Vec<RawQuote>,
) {
    let inner_end = close.map_or(limit, |c| c.at);
    let inner = Span::new(open.at + open.len, inner_end).trim(text);
    if inner.is_empty() {
        return;
    }
    let outer_end = close.map_or(inner.end, |c| c.at + c.len);
    out.push(RawQuote {
        outer: Span::new(open.at, outer_end),
        inner,
        region,
        closed: close.is_some(),
        continued_from_previous: false,
        single,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_lead_is_found_as_byte_by_byte() {
        let mut bytes: Vec<u8> = (0..=255).rev().collect();
        bytes.extend("it's “so” «x» `y` \"z\" a—b".as_bytes());
        for start in 0..bytes.len() {
            for end in start..bytes.len().min(start + 24) {
                let slice = &bytes[start..end];
                let want = slice.iter().position(|b| MARK_LEADS.contains(b));
                assert_eq!(first_lead(slice), want, "{slice:?}");
            }
        }
    }

    /// The quoted words of each paragraph (paragraphs split on blank lines), with
    /// `+` marking a piece that continues the previous paragraph's quotation.
    fn quoted(text: &str) -> Vec<String> {
        let mut regions = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            regions.push(Span::new(start, start + part.len()));
            start += part.len() + 2;
        }
        find(text, &regions)
            .iter()
            .map(|q| {
                let plus = if q.continued_from_previous { "+" } else { "" };
                format!("{plus}{}", q.inner.slice(text))
            })
            .collect()
    }

    #[test]
    fn quotation_marks_of_every_style() {
        let cases: &[(&str, &[&str])] = &[
            ("He said \"we will win\" today.", &["we will win"]),
            ("He said “we will win” today.", &["we will win"]),
            ("He said ''we will win'' today.", &["we will win"]),
            ("He said ``we will win'' today.", &["we will win"]),
            ("Il a dit « nous gagnerons » hier.", &["nous gagnerons"]),
            ("Er sagte „wir gewinnen“ gestern.", &["wir gewinnen"]),
            ("Trump: Relations 'at a low point'", &["at a low point"]),
            ("She said ‘it is over’ and left.", &["it is over"]),
            (
                "\"He called it 'a disgrace,' and left,\" she said.",
                &["He called it 'a disgrace,' and left,"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text}");
        }
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        let cases: &[(&str, &[&str])] = &[
            ("Russia's view and the '90s boom.", &[]),
            ("They played rock 'n' roll all night.", &[]),
            ("The students' union met, and 'em too.", &[]),
            ("It’s the ’80s, isn’t it?", &[]),
            ("The students' union called it 'a farce'.", &["a farce"]),
            ("'Tis the season, he said of 'the plan'.", &["the plan"]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text}");
        }
    }

    #[test]
    fn an_open_quotation_continues_into_the_next_paragraph() {
        let text = "\"First part of it.\n\n\"Second part,\" she said.\n\nNo quote here.";
        assert_eq!(quoted(text), ["First part of it.", "+Second part,"]);
        // without an opening mark, the next paragraph is the narrator's again
        let text = "\"First part of it.\n\nThe narrator goes on.";
        assert_eq!(quoted(text), ["First part of it."]);
    }

    #[test]
    fn stray_marks_never_swallow_the_rest() {
        let cases: &[(&str, &[&str])] = &[
            // a stray closing mark is ignored
            ("He left” and then \"came back\" later.", &["came back"]),
            // an unclosed quotation ends with its paragraph
            (
                "\"Never closed\n\nNext \"one\" here.",
                &["Never closed", "one"],
            ),
            // a new opening mark ends an unclosed one
            ("“One “Two” three.", &["One", "Two"]),
            // unless a second closing mark shows it was nested
            (
                "“He calls it “hell” and means it,” she said.",
                &["He calls it “hell” and means it,"],
            ),
            ("“One “Two” three “Four” five.", &["One", "Two", "Four"]),
            // marks of another style nest inside a quotation that closes
            (
                "\"It reads as “too loud” or “too shrill.”\" she said.",
                &["It reads as “too loud” or “too shrill.”"],
            ),
            (
                "“He said \"no\" and \"never,\"” she said.",
                &["He said \"no\" and \"never,\""],
            ),
            // a straight mark left open does not swallow the curly quotations after it
            (
                "\"Kevin walked in, saying “Hi,” and sat down.",
                &["Kevin walked in, saying", "Hi,"],
            ),
            // curly marks typed the wrong way round
            (
                "“Apparently not,“ he said. ”Yes.”",
                &["Apparently not,", "Yes."],
            ),
            ("\"\"\"\"", &[]),
            // a right mark opening the paragraph opens
            ("” … and so on,” she wrote.", &["… and so on,"]),
            ("\u{202A}”So it goes,” she wrote.", &["So it goes,"]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text}");
        }
    }
}
