//! What a reader types into a search box, read as words: the syntax the meeting page and
//! the series search share.
//!
//! - Words are separated by spaces, half- or full-width; every word must occur.
//! - `"…"`, `“…”`, `＂…＂` or `「…」` keeps a phrase together, spaces and all.
//! - `-word` (or `－word`, `−word`) excludes a word or phrase.
//! - `OR` (or `|`, `｜`) between two words or phrases accepts either.
//! - Anything else is text: a lone `-`, an `OR` with nothing to join, an unclosed quote
//!   (the quote mark is then part of the word). No input is an error.
//!
//! Each word is then matched as a one-word query always was: its search form (NFKC, case
//! folded, spaces ignored) in the text's, or a speaker's name by kanji, reading or Latin
//! script ([`Search`]). Quotes and operators only group; they are never searched for.

use std::fmt;

use crate::search::{fold, fold_name, name_query_is_specific};

/// One part of a query: every clause must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// One of these words or phrases occurs (one word without `OR`).
    Any(Vec<String>),
    /// This word or phrase does not occur.
    Not(String),
}

/// A query as typed, read into clauses, in the order typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The clauses, all of which must hold.
    pub clauses: Vec<Clause>,
}

/// Quote marks that open a phrase, with the mark that closes it.
const QUOTES: [(char, char); 4] = [('"', '"'), ('「', '」'), ('“', '”'), ('＂', '＂')];
/// Marks that exclude the word they start.
const MINUS: [char; 3] = ['-', '－', '−'];
/// Words that join two words or phrases as alternatives.
const OR: [&str; 3] = ["OR", "|", "｜"];

/// A piece of the input: a word or phrase (excluded or not), or an `OR` between two.
enum Token {
    Word { text: String, not: bool },
    Or(String),
}

impl Query {
    /// Read `input`. Never fails: what is not syntax is text.
    pub fn parse(input: &str) -> Query {
        let mut clauses: Vec<Clause> = Vec::new();
        let tokens = tokens(input);
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                Token::Word { text, not: true } => clauses.push(Clause::Not(text.clone())),
                Token::Word { text, not: false } => clauses.push(Clause::Any(vec![text.clone()])),
                Token::Or(text) => {
                    // An OR joins the word before it, if one is there and not excluded, to
                    // the word after it, if that is a plain word too; else it is a word.
                    let next = match tokens.get(i + 1) {
                        Some(Token::Word { text, not: false }) => Some(text),
                        _ => None,
                    };
                    match (clauses.last_mut(), next) {
                        (Some(Clause::Any(words)), Some(next)) => {
                            words.push(next.clone());
                            i += 1;
                        }
                        _ => clauses.push(Clause::Any(vec![text.clone()])),
                    }
                }
            }
            i += 1;
        }
        Query { clauses }
    }
}

/// The words, phrases and ORs of `input`, in order.
fn tokens(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else {
            return out;
        };
        // `-` excludes what follows it directly; alone it is text.
        let not = MINUS.contains(&first)
            && rest[first.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace());
        if not {
            rest = &rest[first.len_utf8()..];
        }
        let opened = rest.chars().next().and_then(|c| {
            let close = QUOTES.iter().find(|(open, _)| *open == c)?.1;
            let inner = &rest[c.len_utf8()..];
            inner.find(close).map(|end| (inner, end, close))
        });
        if let Some((inner, end, close)) = opened {
            out.push(Token::Word {
                text: inner[..end].to_owned(),
                not,
            });
            rest = &inner[end + close.len_utf8()..];
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        out.push(if !not && OR.contains(&word) {
            Token::Or(word.to_owned())
        } else {
            Token::Word {
                text: word.to_owned(),
                not,
            }
        });
    }
}

/// A word or phrase as the syntax writes it: quoted when it would otherwise read as
/// something else (it holds a space, starts like an exclusion or a quote, or is an OR),
/// with marks whose closing one is neither in it nor `pending`: the closing marks of the
/// unclosed quotes written before it, which must stay unclosed.
fn written(text: &str, pending: &[char]) -> String {
    let starts_as_syntax =
        text.starts_with(MINUS) || text.starts_with(QUOTES.map(|(open, _)| open));
    let plain = !text.is_empty()
        && !text.contains(char::is_whitespace)
        && !starts_as_syntax
        && !OR.contains(&text);
    let marks = QUOTES
        .iter()
        .find(|(_, close)| !text.contains(*close) && !pending.contains(close));
    match marks {
        Some((open, close)) if !plain => format!("{open}{text}{close}"),
        // A word that starts with a quote mark and holds every closing one: it was read
        // as a word because nothing after it closes it, and nothing will.
        _ => text.to_owned(),
    }
}

impl fmt::Display for Query {
    /// The query in the syntax, one space between clauses: reading it again gives the
    /// same query.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut pending = Vec::new();
        let mut write = |f: &mut fmt::Formatter<'_>, text: &str| {
            let out = written(text, &pending);
            if out == text
                && let Some(&(_, close)) = QUOTES.iter().find(|(open, _)| text.starts_with(*open))
            {
                pending.push(close);
            }
            f.write_str(&out)
        };
        for (i, clause) in self.clauses.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            match clause {
                Clause::Not(text) => {
                    f.write_str("-")?;
                    write(f, text)?;
                }
                Clause::Any(words) => {
                    for (j, w) in words.iter().enumerate() {
                        if j > 0 {
                            f.write_str(" OR ")?;
                        }
                        write(f, w)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// A word of a search, folded once.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// As typed (without its quotes).
    pub text: String,
    /// Its search form: what the text's search form must contain.
    pub folded: String,
    /// Folded as names are, to match a speaker by kanji, reading or Latin script.
    pub name: String,
}

impl Word {
    fn new(text: &str) -> Word {
        Word {
            text: text.to_owned(),
            folded: fold(text),
            name: fold_name(text),
        }
    }

    /// Whether the person with name keys `keys` is who this word names (two characters
    /// or a kanji at least, the start of one of their keys).
    pub fn names(&self, keys: &[String]) -> bool {
        name_query_is_specific(&self.name) && keys.iter().any(|k| k.starts_with(&self.name))
    }
}

/// A query ready to match: its words folded, each once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Search {
    /// Every distinct word, positive ones first, in the order typed.
    words: Vec<Word>,
    /// How many of `words` are positive (occur in an `Any` clause).
    positive: usize,
    /// Each `Any` clause, as indices into `words`.
    any: Vec<Vec<usize>>,
    /// The excluded words, as indices into `words`.
    not: Vec<usize>,
}

impl Search {
    /// The search `input` asks for. Words whose search form is empty (nothing but
    /// spaces) ask for nothing and are left out.
    pub fn new(input: &str) -> Search {
        Search::of(&Query::parse(input))
    }

    /// The search `query` asks for.
    pub fn of(query: &Query) -> Search {
        let mut out = Search::default();
        let index = |words: &mut Vec<Word>, text: &str| -> Option<usize> {
            let word = Word::new(text);
            if word.folded.is_empty() {
                return None;
            }
            Some(match words.iter().position(|w| w.folded == word.folded) {
                Some(i) => i,
                None => {
                    words.push(word);
                    words.len() - 1
                }
            })
        };
        for clause in &query.clauses {
            if let Clause::Any(texts) = clause {
                let mut any: Vec<usize> = texts
                    .iter()
                    .filter_map(|t| index(&mut out.words, t))
                    .collect();
                any.dedup();
                if !any.is_empty() {
                    out.any.push(any);
                }
            }
        }
        out.positive = out.words.len();
        for clause in &query.clauses {
            if let Clause::Not(text) = clause
                && let Some(i) = index(&mut out.words, text)
            {
                // A word both asked for and excluded: nothing can match, as written.
                out.not.push(i);
            }
        }
        out
    }

    /// Whether it asks for nothing.
    pub fn is_empty(&self) -> bool {
        self.any.is_empty() && self.not.is_empty()
    }

    /// Every word, positive ones first ([`Search::positive`] of them).
    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// The words that must (or may, with `OR`) occur: what is highlighted and counted.
    pub fn positive(&self) -> &[Word] {
        &self.words[..self.positive]
    }

    /// Whether a unit (a speech, a narrative paragraph, a list) matches, given which
    /// words it has (`has(i)` for `words()[i]`): every `Any` clause has a word, and no
    /// excluded word is there.
    pub fn accepts(&self, has: impl Fn(usize) -> bool) -> bool {
        self.any.iter().all(|any| any.iter().any(|&i| has(i))) && !self.not.iter().any(|&i| has(i))
    }

    /// Which paragraphs of a unit (a speech, or a narrative paragraph on its own) the search
    /// shows: `None` when it does not accept the unit ([`Search::accepts`]); else, for each
    /// of its `paragraphs`, whether it holds a positive word or a positive word names the
    /// unit's speaker (every paragraph, when the search has no positive word). `holds(k,
    /// i)`: paragraph `k` holds `words()[i]`; `names(i)`: `words()[i]` names the speaker.
    /// The meeting page and the series search both ask this, so they agree.
    pub fn shows(
        &self,
        paragraphs: usize,
        holds: impl Fn(usize, usize) -> bool,
        names: impl Fn(usize) -> bool,
    ) -> Option<Vec<bool>> {
        if !self.accepts(|i| names(i) || (0..paragraphs).any(|k| holds(k, i))) {
            return None;
        }
        let positive = self.positive().len();
        let named = (0..positive).any(&names);
        Some(
            (0..paragraphs)
                .map(|k| positive == 0 || named || (0..positive).any(|i| holds(k, i)))
                .collect(),
        )
    }

    /// Whether a unit may match, given which positive words it may have (`may(i)` for
    /// `positive()[i]`): every `Any` clause may have a word. Exclusions are not judged:
    /// what a unit may have, it may also lack.
    pub fn may_accept(&self, may: impl Fn(usize) -> bool) -> bool {
        self.any.iter().all(|any| any.iter().any(|&i| may(i)))
    }

    /// Whether the search form `text` holds a positive word.
    pub fn holds(&self, text: &str) -> bool {
        self.positive().iter().any(|w| text.contains(&w.folded))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn any(words: &[&str]) -> Clause {
        Clause::Any(words.iter().map(|w| (*w).to_owned()).collect())
    }

    fn not(word: &str) -> Clause {
        Clause::Not(word.to_owned())
    }

    fn parsed(input: &str) -> Vec<Clause> {
        Query::parse(input).clauses
    }

    #[test]
    fn spaces_of_either_width_separate_words() {
        assert_eq!(parsed("IoT 人材"), [any(&["IoT"]), any(&["人材"])]);
        assert_eq!(
            parsed("  IoT\u{3000}人材　"),
            [any(&["IoT"]), any(&["人材"])]
        );
        assert_eq!(parsed("IoT"), [any(&["IoT"])]);
        assert!(parsed("").is_empty() && parsed(" \u{3000} ").is_empty());
    }

    #[test]
    fn quotes_keep_a_phrase() {
        assert_eq!(parsed("\"I o T\" 人材"), [any(&["I o T"]), any(&["人材"])]);
        assert_eq!(parsed("「情報 共有」"), [any(&["情報 共有"])]);
        assert_eq!(
            parsed("“smart quotes” x"),
            [any(&["smart quotes"]), any(&["x"])]
        );
        assert_eq!(parsed("＂全角＂"), [any(&["全角"])]);
        // A phrase ends at its closing mark, wherever the next word starts.
        assert_eq!(parsed("\"a b\"c"), [any(&["a b"]), any(&["c"])]);
    }

    #[test]
    fn a_minus_excludes() {
        assert_eq!(parsed("IoT -人材"), [any(&["IoT"]), not("人材")]);
        assert_eq!(
            parsed("IoT －人材 −x"),
            [any(&["IoT"]), not("人材"), not("x")]
        );
        assert_eq!(parsed("-\"a b\""), [not("a b")]);
        // Only at the start of a word: a hyphen inside one is text.
        assert_eq!(parsed("e-Gov"), [any(&["e-Gov"])]);
    }

    #[test]
    fn or_joins_two_words() {
        assert_eq!(parsed("IoT OR 人材"), [any(&["IoT", "人材"])]);
        assert_eq!(parsed("a | b ｜ \"c d\""), [any(&["a", "b", "c d"])]);
        assert_eq!(
            parsed("x a OR b y"),
            [any(&["x"]), any(&["a", "b"]), any(&["y"])]
        );
        // Lower case is a word, as in every search engine that has OR.
        assert_eq!(parsed("a or b"), [any(&["a"]), any(&["or"]), any(&["b"])]);
    }

    #[test]
    fn syntax_with_nothing_to_act_on_is_text() {
        assert_eq!(parsed("-"), [any(&["-"])]);
        assert_eq!(
            parsed("IoT - 人材"),
            [any(&["IoT"]), any(&["-"]), any(&["人材"])]
        );
        assert_eq!(parsed("OR"), [any(&["OR"])]);
        assert_eq!(parsed("OR a"), [any(&["OR"]), any(&["a"])]);
        assert_eq!(parsed("a OR"), [any(&["a"]), any(&["OR"])]);
        // An OR does not join an exclusion: it is a word then.
        assert_eq!(parsed("a OR -b"), [any(&["a"]), any(&["OR"]), not("b")]);
        assert_eq!(parsed("-a OR b"), [not("a"), any(&["OR"]), any(&["b"])]);
        assert_eq!(
            parsed("\"unclosed phrase"),
            [any(&["\"unclosed"]), any(&["phrase"])]
        );
        assert_eq!(parsed("「開き"), [any(&["「開き"])]);
        assert_eq!(parsed("\"\""), [any(&[""])]);
    }

    #[test]
    fn printed_in_the_syntax() {
        for (input, printed) in [
            ("IoT  人材", "IoT 人材"),
            ("「情報 共有」 -x", "\"情報 共有\" -x"),
            ("a | b", "a OR b"),
            ("\"OR\" \"-\"", "\"OR\" \"-\""),
            ("「a \"b」", "「a \"b」"),
        ] {
            assert_eq!(Query::parse(input).to_string(), printed, "{input}");
        }
    }

    #[test]
    fn a_search_folds_each_word_once() {
        let s = Search::new("IoT ＩｏＴ -iot OR x \"  \"");
        let folded: Vec<&str> = s.words().iter().map(|w| w.folded.as_str()).collect();
        // IoT twice is one word; the blank phrase asks for nothing; "-iot" is excluded
        // (and so nothing matches); `OR x` after an exclusion is two words.
        assert_eq!(folded, ["iot", "or", "x"]);
        assert_eq!(s.positive().len(), 3);
        assert!(!s.accepts(|_| true));
        assert!(!s.accepts(|i| i != 0));
        assert!(Search::new("  ").is_empty());
    }

    #[test]
    fn accepts_every_clause_and_no_exclusion() {
        let s = Search::new("a b OR c -d");
        let has = |present: &'static [&str]| {
            let s = s.clone();
            move |i: usize| present.contains(&s.words()[i].folded.as_str())
        };
        assert!(s.accepts(has(&["a", "b"])));
        assert!(s.accepts(has(&["a", "c"])));
        assert!(!s.accepts(has(&["a"])));
        assert!(!s.accepts(has(&["a", "b", "d"])));
        assert!(Search::new("-d").accepts(|_| false));
    }

    /// Text a reader might type: words, spaces of both widths, quotes, minus signs, ORs.
    fn typed() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("IoT".to_owned()),
            Just("人材".to_owned()),
            Just("OR".to_owned()),
            Just("|".to_owned()),
            Just("｜".to_owned()),
            Just("-".to_owned()),
            Just("－".to_owned()),
            Just("\"".to_owned()),
            Just("「".to_owned()),
            Just("」".to_owned()),
            Just("“".to_owned()),
            Just("”".to_owned()),
            Just("＂".to_owned()),
            Just(" ".to_owned()),
            Just("\u{3000}".to_owned()),
            "[a-zあ-ん]{1,3}",
        ];
        prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn parse_print_parse_is_the_same_query(input in typed()) {
            let once = Query::parse(&input);
            let again = Query::parse(&once.to_string());
            prop_assert_eq!(&again, &once, "printed {:?}", once.to_string());
        }
    }
}
