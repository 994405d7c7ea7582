//! Organisations built around a descriptor head (`org_markers.tsv`): the named modifiers to
//! its left join the span (`Ішкі істер министрлігінде`, `Алматы қаласының әкімдігі`); after a
//! quoted name only the quote content is the name (`«Хабар» агенттігі`) unless the head is
//! a legal form (`«Қазақстан алюминийі» АҚ`); and `Full Name (ABBR)` tags the abbreviation.
//! Known bodies by name are in [`super::known`].

use crate::mention::{Entity, Label};
use crate::text::{Span, Text};
use crate::trace::Trace;

use super::extent::{entity, owner, quoted_before, Breaks};
use super::lexicon::StemMap;
use super::table::rows;

/// Longest abbreviation in brackets after a full name, in chars.
const MAX_ABBREVIATION_CHARS: usize = 8;

#[derive(Clone, Copy, PartialEq, Eq)]
enum AfterQuote {
    Outside,
    Inside,
}

/// A descriptor: how it behaves after a quoted name, and whether this form is the
/// possessive one names use (`министрлігі`) or the bare noun (`министрлік`, `орталық`),
/// which names rarely end in and which needs a strong owner.
#[derive(Clone, Copy)]
struct Marker {
    after_quote: AfterQuote,
    possessive: bool,
}

/// The rules of this class, built once.
pub struct OrgRules {
    markers: StemMap<Marker>,
    breaks: Breaks,
}

impl OrgRules {
    /// Loads `org_markers.tsv` and the name breaks.
    pub fn new() -> Self {
        let mut markers = StemMap::default();
        for row in rows("org_markers.tsv", include_str!("data/org_markers.tsv")) {
            let after = match row.cell(2) {
                "outside" => AfterQuote::Outside,
                "inside" => AfterQuote::Inside,
                other => row.fail(&format!(
                    "after_quote must be outside/inside, not `{other}`"
                )),
            };
            let possessive = row.cell(0) != row.cell(1) || after == AfterQuote::Inside;
            markers.insert(
                row.cell(0),
                Marker {
                    after_quote: after,
                    possessive,
                },
            );
            markers.insert(
                row.cell(1),
                Marker {
                    after_quote: after,
                    possessive: false,
                },
            );
        }
        OrgRules {
            markers,
            breaks: Breaks::new(),
        }
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, out: &mut Vec<Entity>, trace: &mut Trace) {
        for i in 0..text.words.len() {
            let Some(&marker) = self.markers.word(text, i) else {
                continue;
            };
            let head = text.words[i].span;
            if marker.after_quote == AfterQuote::Inside
                && text.surface(i).chars().any(char::is_lowercase)
            {
                continue;
            }
            if let Some(q) = quoted_before(text, i) {
                let (span, rule) = match marker.after_quote {
                    AfterQuote::Outside => (q.content, "org/quoted-name-marker"),
                    AfterQuote::Inside => {
                        (Span::new(q.open, head.end), "org/quoted-name-legal-form")
                    }
                };
                self.push(text, span, rule, out, trace);
                continue;
            }
            let rule = "org/named-marker";
            match owner(text, i, &self.breaks, false) {
                Some(o) if marker.possessive || (!o.weak && !text.words[i].capitalized) => {
                    self.push(text, Span::new(o.start, head.end), rule, out, trace)
                }
                Some(_) => trace.rejected(rule, head, || {
                    "a bare descriptor needs a name inside the sentence".into()
                }),
                None => trace.rejected(rule, head, || {
                    "no capitalized name owns the descriptor".into()
                }),
            }
        }
    }

    fn push(
        &self,
        text: &Text,
        span: Span,
        rule: &'static str,
        out: &mut Vec<Entity>,
        trace: &mut Trace,
    ) {
        trace.built(rule, span, Label::Organisation);
        out.push(entity(text.text, span, Label::Organisation, rule));
        if let Some(abbr) = bracketed_abbreviation(text, span.end) {
            let rule = "org/bracketed-abbreviation";
            trace.built(rule, abbr, Label::Organisation);
            out.push(entity(text.text, abbr, Label::Organisation, rule));
        }
    }
}

/// The acronym in brackets right after byte `end` (`Ішкі істер министрлігі (ІІМ)`).
fn bracketed_abbreviation(text: &Text, end: usize) -> Option<Span> {
    let rest = &text.text[end..];
    let inner = rest.trim_start().strip_prefix('(')?;
    let close = inner.find(')')?;
    let abbr = inner[..close].trim();
    let chars = abbr.chars().count();
    let acronym = (2..=MAX_ABBREVIATION_CHARS).contains(&chars)
        && abbr
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
        && abbr.chars().filter(|c| c.is_uppercase()).count() >= 2;
    if !acronym {
        return None;
    }
    let start = end
        + (rest.len() - inner.len())
        + (inner[..close].len() - inner[..close].trim_start().len());
    Some(Span::new(start, start + abbr.len()))
}

impl Default for OrgRules {
    fn default() -> Self {
        OrgRules::new()
    }
}
