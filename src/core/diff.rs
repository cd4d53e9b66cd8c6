//! What changed between two versions of a text, word by word: two answers are shown with the
//! words only one of them has marked, rather than as two walls of text.

/// A run of a text as written (words with the spaces after them), and whether the other text
/// lacks these words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub differs: bool,
}

/// The longest-common-subsequence table is kept below this many cells; beyond it (two long
/// texts changed throughout), only the common start and end are found.
const MAX_CELLS: usize = 250_000;

/// What a character is to the splitting into tokens.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Space,
    /// Letters and digits, and the apostrophes inside words ("team's").
    Word,
    /// Anything else: each punctuation mark is a token of its own, so an added comma is
    /// marked as a comma, not as the word before it.
    Mark,
}

fn kind(c: char) -> Kind {
    if c.is_whitespace() {
        Kind::Space
    } else if c.is_alphanumeric() || c == '\'' || c == '’' {
        Kind::Word
    } else {
        Kind::Mark
    }
}

/// Whether a token is a word (not a punctuation mark).
fn is_word(token: &str) -> bool {
    token.chars().next().is_some_and(|c| kind(c) == Kind::Word)
}

/// The words and punctuation marks of `s`, each with the spaces after it (leading spaces go
/// with the first).
fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut previous: Option<Kind> = None;
    for (i, c) in s.char_indices() {
        let here = kind(c);
        let boundary = match (previous, here) {
            (_, Kind::Space) | (None, _) | (Some(Kind::Word), Kind::Word) => false,
            // Leading spaces stay with the first word.
            (Some(Kind::Space), _) => !s[start..i].trim().is_empty(),
            _ => true,
        };
        if boundary {
            out.push(&s[start..i]);
            start = i;
        }
        previous = Some(here);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// `a` and `b` as runs, each marking the words the other one lacks. Spaces do not count as a
/// difference.
pub fn words(a: &str, b: &str) -> (Vec<Run>, Vec<Run>) {
    let (ta, tb) = (tokens(a), tokens(b));
    let same = |x: &str, y: &str| x.trim() == y.trim();
    let prefix = ta.iter().zip(&tb).take_while(|(x, y)| same(x, y)).count();
    let suffix = ta[prefix..]
        .iter()
        .rev()
        .zip(tb[prefix..].iter().rev())
        .take_while(|(x, y)| same(x, y))
        .count();
    let (ma, mb) = (
        &ta[prefix..ta.len() - suffix],
        &tb[prefix..tb.len() - suffix],
    );
    let mut da = vec![true; ma.len()];
    let mut db = vec![true; mb.len()];
    if !ma.is_empty() && !mb.is_empty() && ma.len().saturating_mul(mb.len()) <= MAX_CELLS {
        // lcs[i][j]: the longest common subsequence of ma[i..] and mb[j..].
        let w = mb.len() + 1;
        let mut lcs = vec![0u32; (ma.len() + 1) * w];
        for i in (0..ma.len()).rev() {
            for j in (0..mb.len()).rev() {
                lcs[i * w + j] = if same(ma[i], mb[j]) {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < ma.len() && j < mb.len() {
            if same(ma[i], mb[j]) {
                da[i] = false;
                db[j] = false;
                i += 1;
                j += 1;
            } else if lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    // Rewritten rather than changed: at most half the words in common (punctuation aside).
    // Marks scattered over both texts would say less than "all of it".
    let words_in = |all: &[&str]| all.iter().filter(|t| is_word(t)).count();
    let common = words_in(&ta[..prefix])
        + words_in(&ta[ta.len() - suffix..])
        + ma.iter()
            .zip(&da)
            .filter(|(t, d)| !**d && is_word(t))
            .count();
    if common * 2 <= words_in(&ta).min(words_in(&tb)) && common < words_in(&ta).max(words_in(&tb)) {
        let whole = |s: &str| {
            (!s.is_empty())
                .then(|| Run {
                    text: s.to_string(),
                    differs: true,
                })
                .into_iter()
                .collect()
        };
        return (whole(a), whole(b));
    }
    let runs = |all: &[&str], middle: &[bool]| {
        let flags = std::iter::repeat_n(false, prefix)
            .chain(middle.iter().copied())
            .chain(std::iter::repeat_n(false, suffix));
        let mut out: Vec<Run> = Vec::new();
        for (t, differs) in all.iter().zip(flags) {
            match out.last_mut() {
                Some(run) if run.differs == differs => run.text.push_str(t),
                _ => out.push(Run {
                    text: (*t).to_string(),
                    differs,
                }),
            }
        }
        out
    };
    (runs(&ta, &da), runs(&tb, &db))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(runs: &[Run]) -> String {
        runs.iter()
            .map(|r| {
                if r.differs {
                    format!("[{}]", r.text.trim_end()) + &r.text[r.text.trim_end().len()..]
                } else {
                    r.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn the_words_only_one_side_has_are_marked_on_that_side() {
        let (a, b) = words(
            "We meet every Monday at nine.",
            "We meet every other Monday at ten.",
        );
        assert_eq!(marked(&a), "We meet every Monday at [nine].");
        assert_eq!(marked(&b), "We meet every [other] Monday at [ten].");
        // A comma added is a comma marked, not the word before it.
        let (a, b) = words("Try again soon.", "Try again, soon.");
        assert_eq!(marked(&a), "Try again soon.");
        assert_eq!(marked(&b), "Try again[,] soon.");
    }

    #[test]
    fn texts_are_kept_whole_spaces_and_all() {
        let a = "  One  two\nthree ";
        let b = "One two three four";
        let (ra, rb) = words(a, b);
        assert_eq!(ra.iter().map(|r| r.text.as_str()).collect::<String>(), a);
        assert_eq!(rb.iter().map(|r| r.text.as_str()).collect::<String>(), b);
        assert_eq!(marked(&rb), "One two three [four]");
        assert!(ra.iter().all(|r| !r.differs), "only spaces differ");
    }

    #[test]
    fn empty_and_identical_texts() {
        let (a, b) = words("", "Something new");
        assert!(a.is_empty());
        assert_eq!(marked(&b), "[Something new]");
        let (a, b) = words("Same words", "Same words");
        assert_eq!((a.len(), b.len()), (1, 1));
        assert!(!a[0].differs && !b[0].differs);
    }

    #[test]
    fn very_long_texts_changed_in_the_middle_mark_the_middle_whole() {
        let a = "start ".repeat(1500) + &"alpha ".repeat(600) + "end";
        let b = "start ".repeat(1500) + &"beta ".repeat(600) + "end";
        let (ra, rb) = words(&a, &b);
        assert_eq!(ra.len(), 3);
        assert!(!ra[0].differs && ra[1].differs && !ra[2].differs);
        assert_eq!(rb[2].text, "end");
    }

    #[test]
    fn a_text_rewritten_is_marked_whole() {
        let (a, b) = words(
            "The team's stability decides whether the launch happens this year.",
            "The launch this year depends on a stable team.",
        );
        assert_eq!(
            marked(&a),
            "[The team's stability decides whether the launch happens this year.]"
        );
        assert_eq!(
            marked(&b),
            "[The launch this year depends on a stable team.]"
        );
    }
}
