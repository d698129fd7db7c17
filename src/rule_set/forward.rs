//! A rule's pattern compiled for the one question the rules ask of it: where does its
//! first match end?
//!
//! A general regex also builds a reverse automaton to find where a match starts,
//! literal prefilters and a one-pass DFA; for the rules that is three times the
//! compile work (0.4 ms a rule on average, 4 ms for the biggest), and the gate has
//! already done the prefilter's job. Here one forward NFA serves a lazy DFA and,
//! where that DFA gives up (a Unicode word boundary next to a non-ASCII byte), the
//! bounded backtracker or, on a text too long for it, a PikeVM. All find the
//! leftmost-first match, as the `regex` crate does.
//!
//! Most of that compile work is spelling out big Unicode classes (`\w`, `\p{L}`) in
//! UTF-8, often many times over (`[\p{L} ]{0,20}`), and most rules the gate lets
//! through never match at all. So a [`filter`] answers first: a lazy DFA of a looser
//! pattern, without the Unicode word edges and with every big class cut to its ASCII
//! characters and any character beyond ASCII, which matches wherever the pattern
//! does (an assertion only ever removes matches) and costs little to compile. When
//! it finds nothing, neither would the pattern, which is then never compiled. It
//! also never gives up on a non-ASCII byte, as the exact DFA does on news text full
//! of curly quotes and dashes, where the backtracker would cost a hundred times more.
//! A plain text, of ASCII and punctuation (curly quotes, dashes) only, as most news
//! text is, needs neither: the pattern with its classes cut to those characters
//! answers for it exactly ([`on_plain`]), as cheap to compile.

use regex_automata::Input;
use regex_automata::hybrid::dfa::{self, DFA};
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_syntax::ast::{self, Ast};
use regex_syntax::hir::{self as hir, Hir, HirKind, Look};
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::LazyLock;

/// The NFA size the `regex` crate allows by default: a pattern bigger than this is
/// refused when it compiles, not run.
const NFA_SIZE_LIMIT: usize = 10 * (1 << 20);

/// The search state each thread needs, taken from a pool per pattern.
struct Caches {
    dfa: dfa::Cache,
    backtrack: backtrack::Cache,
    pike: pikevm::Cache,
}

type MakeCaches = Box<dyn Fn() -> Caches + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// A case-insensitive pattern, compiled for forward search.
pub struct Forward {
    dfa: DFA,
    backtrack: BoundedBacktracker,
    pike: PikeVM,
    caches: Pool<Caches, MakeCaches>,
}

impl std::fmt::Debug for Forward {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Forward").finish_non_exhaustive()
    }
}

impl Forward {
    /// `pattern`, matching case-insensitively as every rule does, or why it does not
    /// compile.
    pub fn new(pattern: &str) -> Result<Forward, String> {
        let hir = syntax::parse_with(pattern, &syntax::Config::new().case_insensitive(true))
            .map_err(|e| with_causes(&e))?;
        let nfa = compile(&hir)?;
        let dfa = lazy_dfa(nfa.clone())?;
        let backtrack =
            BoundedBacktracker::new_from_nfa(nfa.clone()).map_err(|e| with_causes(&e))?;
        let pike = PikeVM::new_from_nfa(nfa).map_err(|e| with_causes(&e))?;
        let engines = (dfa.clone(), backtrack.clone(), pike.clone());
        let make: MakeCaches = Box::new(move || Caches {
            dfa: engines.0.create_cache(),
            backtrack: engines.1.create_cache(),
            pike: engines.2.create_cache(),
        });
        Ok(Forward {
            dfa,
            backtrack,
            pike,
            caches: Pool::new(make),
        })
    }

    /// Where the leftmost-first match in `text` ends, if there is one.
    pub fn match_end(&self, text: &str) -> Option<usize> {
        let input = Input::new(text);
        let mut caches = self.caches.get();
        if let Ok(found) = self.dfa.try_search_fwd(&mut caches.dfa, &input) {
            return found.map(|half| half.offset());
        }
        if text.len() <= self.backtrack.max_haystack_len() {
            if let Ok(found) = self
                .backtrack
                .try_find(&mut caches.backtrack, input.clone())
            {
                return found.map(|found| found.end());
            }
        }
        self.pike
            .find(&mut caches.pike, input)
            .map(|found| found.end())
    }
}

thread_local! {
    /// One NFA compiler a thread, used for every pattern: a new one allocates (and
    /// then frees) a table of ten thousand entries for the UTF-8 automata of classes.
    static COMPILER: thompson::Compiler = {
        let mut compiler = thompson::Compiler::new();
        compiler.configure(
            thompson::Config::new()
                .which_captures(WhichCaptures::Implicit)
                .nfa_size_limit(Some(NFA_SIZE_LIMIT)),
        );
        compiler
    };
}

/// A pattern's case-insensitive HIR compiled to the NFA every engine here runs.
fn compile(hir: &Hir) -> Result<NFA, String> {
    COMPILER.with(|compiler| compiler.build_from_hir(hir).map_err(|e| with_causes(&e)))
}

/// A lazy DFA of `nfa` that gives up where a Unicode word edge meets a non-ASCII
/// byte.
fn lazy_dfa(nfa: NFA) -> Result<DFA, String> {
    DFA::builder()
        .configure(DFA::config().unicode_word_boundary(true))
        .build_from_nfa(nfa)
        .map_err(|e| with_causes(&e))
}

type MakeCache = Box<dyn Fn() -> dfa::Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// A lazy DFA alone, with its search state: a pattern's [`filter`], or the pattern
/// itself [`on_plain`] text.
pub struct Lazy {
    dfa: DFA,
    caches: Pool<dfa::Cache, MakeCache>,
}

impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lazy").finish_non_exhaustive()
    }
}

impl Lazy {
    /// The lazy DFA of `hir`, or `None` when it does not compile.
    fn new(hir: &Hir) -> Option<Lazy> {
        let dfa = compile(hir).and_then(lazy_dfa).ok()?;
        let engine = dfa.clone();
        let make: MakeCache = Box::new(move || engine.create_cache());
        Some(Lazy {
            dfa,
            caches: Pool::new(make),
        })
    }

    /// Where the leftmost-first match in `text` ends, if there is one; `None` when
    /// the DFA gives up (which neither engine here does).
    pub fn match_end(&self, text: &str) -> Option<Option<usize>> {
        let mut cache = self.caches.get();
        let found = self
            .dfa
            .try_search_fwd(&mut cache, &Input::new(text))
            .ok()?;
        Some(found.map(|half| half.offset()))
    }
}

/// A looser form of a pattern that matches case-insensitively, from `written`, the
/// pattern as written (parsed without `(?i)`), asked before the pattern itself (see
/// the module's documentation): no match means none; `None` when it does not
/// compile (the pattern is then always asked).
pub fn filter(written: &Hir) -> Option<Lazy> {
    Lazy::new(&loosened(written)?)
}

/// `pattern`, which matches case-insensitively, for [plain](is_plain) texts, from
/// `written`, the pattern as written (parsed without `(?i)`): each class cut to its
/// plain characters, each Unicode word edge the ASCII one (the same between plain
/// characters, for none beyond ASCII is a word character), in a DFA that neither
/// gives up nor spells out big classes in UTF-8. Its matches in plain text are the
/// pattern's. A pattern that sets flags inline (`(?-i:…)`, which the written form
/// no longer shows) or combines classes is read again ([`read_plain`]). `None` for
/// a pattern that negates a class and has one whose case folding the written form
/// cannot tell (with only one case of a letter, which `(?i)` would have folded
/// before or after the negation), or that matches bytes (`(?-u)`).
pub fn on_plain(pattern: &str, written: &Hir) -> Option<Lazy> {
    let plain = if sets_flags(pattern) {
        read_plain(pattern)?
    } else {
        plain_only(written, negates(pattern))?
    };
    Lazy::new(&plain)
}

/// `pattern` read with `(?i)` and cut to plain characters (see [`on_plain`]). Each
/// Unicode and Perl class in it (`\p{L}`, `\w`, `\S`…) is first put as its
/// characters that are plain in some case ([`PLAIN_CASES`]), written out: `(?i)`
/// would fold big classes at great cost, and folding, negating and combining
/// classes give the same plain characters from those alone (the characters of one
/// case class are all in that set or all out of it).
fn read_plain(pattern: &str) -> Option<Hir> {
    let mut ast = ast::parse::Parser::new().parse(pattern).ok()?;
    with_plain_cases(pattern, &mut ast)?;
    let hir = hir::translate::TranslatorBuilder::new()
        .case_insensitive(true)
        .build()
        .translate(pattern, &ast)
        .ok()?;
    plain_restricted(&hir)
}

/// [`read_plain`]'s rewriting of the classes of `ast`, a part of `pattern`.
fn with_plain_cases(pattern: &str, ast: &mut Ast) -> Option<()> {
    if matches!(ast, Ast::ClassUnicode(_) | Ast::ClassPerl(_)) {
        *ast = Ast::class_bracketed(plain_cases_of(pattern, ast)?);
        return Some(());
    }
    match ast {
        Ast::ClassBracketed(class) => set_with_plain_cases(pattern, &mut class.kind),
        Ast::Repetition(rep) => with_plain_cases(pattern, &mut rep.ast),
        Ast::Group(group) => with_plain_cases(pattern, &mut group.ast),
        Ast::Alternation(alternation) => alternation
            .asts
            .iter_mut()
            .try_for_each(|ast| with_plain_cases(pattern, ast)),
        Ast::Concat(concat) => concat
            .asts
            .iter_mut()
            .try_for_each(|ast| with_plain_cases(pattern, ast)),
        _ => Some(()),
    }
}

/// [`with_plain_cases`] inside a bracketed class.
fn set_with_plain_cases(pattern: &str, set: &mut ast::ClassSet) -> Option<()> {
    match set {
        ast::ClassSet::Item(item) => item_with_plain_cases(pattern, item),
        ast::ClassSet::BinaryOp(op) => {
            set_with_plain_cases(pattern, &mut op.lhs)?;
            set_with_plain_cases(pattern, &mut op.rhs)
        }
    }
}

fn item_with_plain_cases(pattern: &str, item: &mut ast::ClassSetItem) -> Option<()> {
    let lone = match item {
        ast::ClassSetItem::Unicode(class) => Some(Ast::class_unicode(class.clone())),
        ast::ClassSetItem::Perl(class) => Some(Ast::class_perl(class.clone())),
        _ => None,
    };
    if let Some(lone) = lone {
        *item = ast::ClassSetItem::Bracketed(Box::new(plain_cases_of(pattern, &lone)?));
        return Some(());
    }
    match item {
        ast::ClassSetItem::Bracketed(class) => set_with_plain_cases(pattern, &mut class.kind),
        ast::ClassSetItem::Union(union) => union
            .items
            .iter_mut()
            .try_for_each(|item| item_with_plain_cases(pattern, item)),
        _ => Some(()),
    }
}

/// `class`, a lone Unicode or Perl class of `pattern` (`\p{L}`, `\P{Ll}`, `\w`,
/// `\S`), as its characters of [`PLAIN_CASES`] written out in a bracketed class,
/// negated as the class was (`(?i)` folds a class before negating it, and so it
/// does this one); `None` for one negated by its value (`\p{x!=y}`).
fn plain_cases_of(pattern: &str, class: &Ast) -> Option<ast::ClassBracketed> {
    let (positive, span, negated) = match class {
        Ast::ClassUnicode(class) => {
            if let ast::ClassUnicodeKind::NamedValue { op, .. } = &class.kind {
                if *op == ast::ClassUnicodeOpKind::NotEqual {
                    return None;
                }
            }
            let positive = ast::ClassUnicode {
                negated: false,
                ..(**class).clone()
            };
            (Ast::class_unicode(positive), class.span, class.negated)
        }
        Ast::ClassPerl(class) => {
            let positive = ast::ClassPerl {
                negated: false,
                ..(**class).clone()
            };
            (Ast::class_perl(positive), class.span, class.negated)
        }
        _ => return None,
    };
    let hir = hir::translate::Translator::new()
        .translate(pattern, &positive)
        .ok()?;
    let mut chars = match hir.kind() {
        HirKind::Class(hir::Class::Unicode(chars)) => chars.clone(),
        HirKind::Literal(literal) => {
            let c = std::str::from_utf8(&literal.0).ok()?.chars().next()?;
            hir::ClassUnicode::new([hir::ClassUnicodeRange::new(c, c)])
        }
        _ => return None,
    };
    chars.intersect(&PLAIN_CASES);
    let literal = |c: char| ast::Literal {
        span,
        kind: ast::LiteralKind::Verbatim,
        c,
    };
    let items = chars
        .iter()
        .map(|range| {
            ast::ClassSetItem::Range(ast::ClassSetRange {
                span,
                start: literal(range.start()),
                end: literal(range.end()),
            })
        })
        .collect();
    Some(ast::ClassBracketed {
        span,
        negated,
        kind: ast::ClassSet::Item(ast::ClassSetItem::Union(ast::ClassSetUnion { span, items })),
    })
}

/// `hir`, a pattern as `(?i)` reads it, for plain text (see [`on_plain`]): what can
/// only match other characters never matches. `None` for a pattern of bytes.
fn plain_restricted(hir: &Hir) -> Option<Hir> {
    map_leaves(hir, &|leaf| {
        Some(match leaf.kind() {
            HirKind::Look(look) => Hir::look(ascii_look(*look)),
            HirKind::Literal(literal) => match std::str::from_utf8(&literal.0) {
                Ok(text) if is_plain(text) => leaf.clone(),
                Ok(_) => Hir::fail(),
                Err(_) => return None,
            },
            HirKind::Class(hir::Class::Unicode(class)) => {
                let mut class = class.clone();
                class.intersect(&PLAIN);
                Hir::class(hir::Class::Unicode(class))
            }
            _ => return None,
        })
    })
}

/// Whether `text` is plain: ASCII and [`PUNCTUATION`] only, as most of news text is.
pub fn is_plain(text: &str) -> bool {
    text.is_ascii()
        || text.chars().all(|c| {
            c.is_ascii()
                || PUNCTUATION
                    .ranges()
                    .binary_search_by(|r| {
                        if r.end() < c {
                            std::cmp::Ordering::Less
                        } else if r.start() > c {
                            std::cmp::Ordering::Greater
                        } else {
                            std::cmp::Ordering::Equal
                        }
                    })
                    .is_ok()
        })
}

/// Whether `pattern` may set flags inline, or combine classes (`&&`, `--`, `~~`):
/// a group opening with `(?` but not `(?:`, wherever it is (in a class too), or
/// such an operator anywhere.
fn sets_flags(pattern: &str) -> bool {
    let bytes = pattern.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let next = bytes.get(at + 1).copied();
        match byte {
            b'\\' => at += 1,
            b'(' if next == Some(b'?') && bytes.get(at + 2) != Some(&b':') => return true,
            b'&' | b'-' | b'~' if next == Some(byte) => return true,
            _ => {}
        }
        at += 1;
    }
    false
}

/// Whether `pattern` may negate a class: `[^`, `[:^`, `\p{^`, `\p{…!=…}`, `\W`,
/// `\S`, `\D` or `\P` anywhere.
fn negates(pattern: &str) -> bool {
    ["[^", ":^", "{^", "!=", "\\W", "\\S", "\\D", "\\P"]
        .iter()
        .any(|mark| pattern.contains(mark))
}

/// `hir`, a pattern as written without inline flags, as `(?i)` would have it on
/// plain text (see [`on_plain`]); `None` where that cannot be told: for a pattern
/// that may negate a class (`negates`), a class with only some cases of a letter.
fn plain_only(hir: &Hir, negates: bool) -> Option<Hir> {
    map_leaves(hir, &|leaf| {
        Some(match leaf.kind() {
            HirKind::Look(look) => Hir::look(ascii_look(*look)),
            HirKind::Literal(literal) => {
                let text = std::str::from_utf8(&literal.0).ok()?;
                Hir::concat(
                    text.chars()
                        .map(|c| in_cases(c, |cases| &cases.plain))
                        .collect(),
                )
            }
            HirKind::Class(hir::Class::Unicode(class)) => {
                // Only these characters have an ASCII case, and a plain character
                // beyond ASCII has no other. When the class holds every case of each
                // or none, folding before or after a negation is the same; without a
                // negation, `(?i)` folds the class as written.
                let mut near = class.clone();
                near.intersect(&ASCII_IN_ANY_CASE);
                let mut folded = near.clone();
                folded.case_fold_simple();
                if negates && folded != near {
                    return None;
                }
                folded.intersect(&ASCII);
                let mut punctuation = class.clone();
                punctuation.intersect(&PUNCTUATION);
                folded.union(&punctuation);
                Hir::class(hir::Class::Unicode(folded))
            }
            _ => return None,
        })
    })
}

/// `hir` with `leaf` in place of each of its literals, classes and assertions, its
/// repetitions, groups, concatenations and alternations kept: the shape of
/// [`loosened`], [`plain_restricted`] and [`plain_only`]. `None` when `leaf`
/// refuses one.
fn map_leaves(hir: &Hir, leaf: &impl Fn(&Hir) -> Option<Hir>) -> Option<Hir> {
    let each = |subs: &[Hir]| {
        subs.iter()
            .map(|sub| map_leaves(sub, leaf))
            .collect::<Option<Vec<_>>>()
    };
    Some(match hir.kind() {
        HirKind::Repetition(rep) => Hir::repetition(hir::Repetition {
            sub: Box::new(map_leaves(&rep.sub, leaf)?),
            ..rep.clone()
        }),
        HirKind::Capture(cap) => Hir::capture(hir::Capture {
            sub: Box::new(map_leaves(&cap.sub, leaf)?),
            ..cap.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(each(subs)?),
        HirKind::Alternation(subs) => Hir::alternation(each(subs)?),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => leaf(hir)?,
    })
}

/// The characters of plain text: ASCII and [`PUNCTUATION`].
static PLAIN: LazyLock<hir::ClassUnicode> = LazyLock::new(|| {
    let mut plain = ASCII.clone();
    plain.union(&PUNCTUATION);
    plain
});

/// The characters plain in some case: [`ASCII_IN_ANY_CASE`] and [`PUNCTUATION`].
static PLAIN_CASES: LazyLock<hir::ClassUnicode> = LazyLock::new(|| {
    let mut cases = ASCII_IN_ANY_CASE.clone();
    cases.union(&PUNCTUATION);
    cases
});

/// The characters beyond ASCII of plain text: spaces, dashes, quotation marks,
/// bullets and other marks of Latin-1 and General Punctuation that are no word
/// characters (`\w`) and have no other case, so that `(?i)` and word edges treat
/// them as the ASCII punctuation.
static PUNCTUATION: LazyLock<hir::ClassUnicode> = LazyLock::new(|| {
    let mut marks = hir::ClassUnicode::new([
        hir::ClassUnicodeRange::new('\u{a0}', '\u{bf}'),
        hir::ClassUnicodeRange::new('\u{2000}', '\u{206f}'),
    ]);
    let word = regex_syntax::Parser::new()
        .parse(r"\w")
        .expect("\\w parses");
    if let HirKind::Class(hir::Class::Unicode(word)) = word.kind() {
        marks.difference(word);
    }
    let caseless = marks.iter().flat_map(|r| r.start()..=r.end()).filter(|&c| {
        let alone = hir::ClassUnicode::new([hir::ClassUnicodeRange::new(c, c)]);
        let mut cases = alone.clone();
        cases.case_fold_simple();
        cases == alone
    });
    hir::ClassUnicode::new(caseless.map(|c| hir::ClassUnicodeRange::new(c, c)))
});

/// The ASCII form of a Unicode word edge, the same between ASCII characters; other
/// assertions as they are.
fn ascii_look(look: Look) -> Look {
    match look {
        Look::WordUnicode => Look::WordAscii,
        Look::WordUnicodeNegate => Look::WordAsciiNegate,
        Look::WordStartUnicode => Look::WordStartAscii,
        Look::WordEndUnicode => Look::WordEndAscii,
        Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
        Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
        other => other,
    }
}

/// The ASCII characters.
static ASCII: LazyLock<hir::ClassUnicode> =
    LazyLock::new(|| hir::ClassUnicode::new([hir::ClassUnicodeRange::new('\0', '\x7f')]));

/// A class with more ranges than this (`\w`, `\p{L}`) is cut to its ASCII
/// characters and any character beyond ASCII in a [`loosened`] pattern: spelled out
/// in UTF-8, it would cost most of the compile.
const MAX_KEPT_RANGES: usize = 32;

/// A class of more characters than this (`[^|]`) is cut too: folding its case looks
/// up each of its characters.
const MAX_KEPT_CHARS: u32 = 256;

/// `hir`, a pattern as written (its case unfolded), with every character in any case
/// (as `(?i)` would have it, and everywhere), every Unicode word edge (`\b`, `\B`,
/// `\b{start}`…) matching the empty string anywhere and every big class cut to its
/// ASCII characters and any character beyond ASCII: it matches every span the
/// pattern matches case-insensitively, and more, and folding and compiling it cost
/// little. (Always `Some`: no leaf is refused.)
fn loosened(hir: &Hir) -> Option<Hir> {
    map_leaves(hir, &|leaf| {
        Some(match leaf.kind() {
            HirKind::Look(look) if ascii_look(*look) != *look => Hir::empty(),
            HirKind::Literal(literal) => match std::str::from_utf8(&literal.0) {
                Ok(text) => Hir::concat(
                    text.chars()
                        .map(|c| in_cases(c, |cases| &cases.any))
                        .collect(),
                ),
                Err(_) => Hir::concat(
                    literal
                        .0
                        .iter()
                        .map(|&b| {
                            let mut byte = hir::ClassBytes::new([hir::ClassBytesRange::new(b, b)]);
                            byte.case_fold_simple();
                            Hir::class(hir::Class::Bytes(byte))
                        })
                        .collect(),
                ),
            },
            HirKind::Class(hir::Class::Unicode(class)) => any_case(class),
            HirKind::Class(hir::Class::Bytes(class)) => {
                let mut class = class.clone();
                class.case_fold_simple();
                Hir::class(hir::Class::Bytes(class))
            }
            _ => leaf.clone(),
        })
    })
}

/// A character in every case, as [`loosened`] and [`plain_only`] spell it.
struct Cases {
    /// Every case.
    any: Hir,
    /// Its plain cases (none for most characters beyond ASCII).
    plain: Hir,
}

/// The [`Cases`] of `c`.
fn ascii_cases(c: char) -> Cases {
    let mut cases = hir::ClassUnicode::new([hir::ClassUnicodeRange::new(c, c)]);
    cases.case_fold_simple();
    let any = Hir::class(hir::Class::Unicode(cases.clone()));
    let mut punctuation = cases.clone();
    punctuation.intersect(&PUNCTUATION);
    cases.intersect(&ASCII);
    cases.union(&punctuation);
    Cases {
        any,
        plain: Hir::class(hir::Class::Unicode(cases)),
    }
}

/// The part of `c`'s [`Cases`] that `pick` takes, looked up for an ASCII character.
fn in_cases(c: char, pick: impl Fn(&Cases) -> &Hir) -> Hir {
    match ASCII_CASES.get(c as usize) {
        Some(cases) => pick(cases).clone(),
        None => pick(&ascii_cases(c)).clone(),
    }
}

/// Each ASCII character in every case (a literal for most), looked up once: a
/// pattern spells hundreds of them.
static ASCII_CASES: LazyLock<Vec<Cases>> =
    LazyLock::new(|| (0..=0x7f_u8).map(|b| ascii_cases(char::from(b))).collect());

/// The characters with an ASCII case: ASCII itself, `ſ` and the Kelvin sign.
static ASCII_IN_ANY_CASE: LazyLock<hir::ClassUnicode> = LazyLock::new(|| {
    let mut ascii = ASCII.clone();
    ascii.case_fold_simple();
    ascii
});

/// `class` in every case; a big one (see [`MAX_KEPT_RANGES`], [`MAX_KEPT_CHARS`])
/// cut to its characters of ASCII in every case (only [`ASCII_IN_ANY_CASE`] is
/// folded: folding the whole class would look up each of its characters) or
/// [`beyond_ascii`].
fn any_case(class: &hir::ClassUnicode) -> Hir {
    let mut loose = class.clone();
    let chars: u32 = class
        .iter()
        .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
        .sum();
    if class.ranges().len() > MAX_KEPT_RANGES || chars > MAX_KEPT_CHARS {
        loose.intersect(&ASCII_IN_ANY_CASE);
        loose.case_fold_simple();
        // its characters beyond ASCII are among those beyond_ascii matches
        loose.intersect(&ASCII);
        return Hir::alternation(vec![Hir::class(hir::Class::Unicode(loose)), beyond_ascii()]);
    }
    loose.case_fold_simple();
    Hir::class(hir::Class::Unicode(loose))
}

/// A run of bytes beyond ASCII: it matches any character beyond ASCII (all of whose
/// UTF-8 bytes are), and compiles to two states where that character class, spelled
/// out in UTF-8, takes dozens, in each copy of a counted repetition.
fn beyond_ascii() -> Hir {
    Hir::repetition(hir::Repetition {
        min: 1,
        max: None,
        greedy: true,
        sub: Box::new(Hir::class(hir::Class::Bytes(hir::ClassBytes::new([
            hir::ClassBytesRange::new(0x80, 0xff),
        ])))),
    })
}

/// An error's message followed by those of its causes: the regex engine's own says
/// only "error parsing regex", its cause where and why.
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut cause = error.source();
    while let Some(next) = cause {
        message.push_str(": ");
        message.push_str(&next.to_string());
        cause = next.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the `regex` crate ends the leftmost-first match of `pattern`, matching
    /// case-insensitively, in `text`.
    fn regex_end(pattern: &str, text: &str) -> Option<usize> {
        let regex = regex::RegexBuilder::new(pattern)
            .case_insensitive(true)
            .build()
            .unwrap();
        regex.find(text).map(|m| m.end())
    }

    #[test]
    fn ends_are_those_of_the_regex_crate() {
        let patterns = [
            r"\bap\b",
            r"^(?:by)\s+\w+",
            r"\byou\b.*\bnewsletter\b",
            r"(?-i:\p{Lu})\w+ —",
            r"^(?:[A-Z]+ —\s*)",
            r"über\b",
        ];
        let texts = [
            "AP — “soon”",
            "By Jane Doe and others",
            "If you like it, get our NEWSLETTER today",
            "Über uns: Café — offen",
            "PARIS — The mayor said",
            "naïve “AP” wire",
            "",
        ];
        for pattern in patterns {
            let forward = Forward::new(pattern).unwrap();
            for text in texts {
                let want = regex_end(pattern, text);
                assert_eq!(forward.match_end(text), want, "{pattern} on {text}");
            }
        }
    }

    proptest::proptest! {
        /// Word edges and big classes next to curly quotes and accented letters,
        /// and letters whose other case is beyond ASCII (`ſ`, the Kelvin sign): the
        /// exact DFA gives up at those edges, and the filter must never answer "no"
        /// for a text the pattern matches.
        #[test]
        fn word_edges_and_classes_on_non_ascii_text_answer_as_the_regex_crate(
            text in "[a-zAÉé “’—.»0-9ſ\u{212A}😀]{0,30}",
            pattern in proptest::sample::select(vec![
                r"\ba\b", r"\bé\w*", r"\Ba", r"a\b.*\bé\b", r"^\w+\b", r"\b{start}é",
                r"(?-i:\p{Lu})[\p{L}.'’-]+ \d", r"^[^>»›]{1,5}»", r"\W\w{2}\b", r"s[\w&&k]",
                r"(?-i:S)k\d",
            ]),
        ) {
            let want = regex_end(pattern, &text);
            if want.is_some() {
                let written = regex_syntax::Parser::new().parse(pattern).unwrap();
                proptest::prop_assert_ne!(filter(&written).unwrap().match_end(&text), Some(None));
            }
            proptest::prop_assert_eq!(Forward::new(pattern).unwrap().match_end(&text), want);
        }
    }

    proptest::proptest! {
        /// On plain text, the pattern cut to plain characters ends its matches where
        /// the pattern does, and is made for every pattern but those it cannot tell.
        #[test]
        fn on_plain_text_ends_are_those_of_the_regex_crate(
            text in "[a-zA-Z0-9 .,:_'’“”—\u{a0}-]{0,30}",
            pattern in proptest::sample::select(vec![
                r"\bap\b", r"^(?:by)\s+\w+", r"\bs\b.*\bnew\B", r"[^\s,]+ -", r"^\d{1,2}[./-]\d",
                r"(share|x|pin it)( on \w+)?$", r"\bé\w*|b", r"ſ\w", r"\Ba", r"\b{start}[\p{L}.'’-]{2,5}",
                r"(?:k|a|ab)\W", r"\(?(foto)\)?", r"[ap]\.?m\b", r"’[a-z]{1,2}\b", r"\b\s—\s\b",
                r"[^\w’]{2}", r"(“|\s)[\p{L}]+”", r"(?-i:\p{Lu})[\p{L}.'’-]+ \w", r"(?-i:[A-Z])x",
                r"[\w&&[^\d]]{2}", r"(?-i:S)(?i:k)\P{Ll}", r"[\p{Lu}--K]s", r"(?-i:[A-Z][^\s,]*)—",
            ]),
        ) {
            let want = regex_end(pattern, &text);
            let written = regex_syntax::Parser::new().parse(pattern).unwrap();
            let plain = on_plain(pattern, &written).unwrap();
            proptest::prop_assert!(is_plain(&text));
            proptest::prop_assert_eq!(plain.match_end(&text), Some(want));
        }
    }

    #[test]
    fn on_plain_text_is_not_told_for_one_case_of_a_letter_negated_or_bytes() {
        // `[^a-zA-Z]` holds `ſ` but not `s`: a negation folded first leaves both out
        for pattern in [
            r"[a-z]+\W",
            r"[^a]",
            r"[^a-zA-Z]",
            r"\p{gc!=Ll}",
            r"(?-i:x)\p{gc!=Ll}",
            r"(?-u:\w)",
        ] {
            let written = regex_syntax::Parser::new().parse(pattern).unwrap();
            assert!(on_plain(pattern, &written).is_none(), "{pattern}");
        }
        assert!(!is_plain("naïve"));
        assert!(is_plain("“Yes” — it’s…\u{a0}done"));
    }

    #[test]
    fn a_pattern_that_cannot_compile_says_why() {
        let unclosed = Forward::new("(unclosed").unwrap_err();
        assert!(unclosed.contains("unclosed group"), "{unclosed}");
        let huge = Forward::new(r"\w{1000}{1000}").unwrap_err();
        assert!(huge.contains("exceeded limit"), "{huge}");
    }
}
