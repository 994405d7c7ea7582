//! Misses and false alarms, rendered with their context for `--show-errors`.

use serde::Serialize;

use crate::mention::Label;
use crate::text::Span;

/// Whether gold was missed or a prediction has no gold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// A gold mention with no strict match.
    Missed,
    /// A prediction with no strict match.
    Spurious,
    /// A strictly matched fact or entity whose normalized field differs.
    WrongValue,
}

/// One error, ready to print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorRow {
    /// Kind of error.
    pub kind: ErrorKind,
    /// Class of the mention.
    pub label: Label,
    /// Its text.
    pub surface: String,
    /// Where it starts in its unit (byte or token), for ordering.
    #[serde(skip)]
    pub start: usize,
    /// Where it is (`file:line`, `article title`…).
    pub location: String,
    /// Surrounding text with the mention in `[brackets]`.
    pub context: String,
    /// What the other side had there (overlapping mentions, rule id, wrong values).
    pub note: String,
}

/// Characters of context kept on each side of a mention.
pub const CONTEXT_CHARS: usize = 60;

/// `text` around `span`, the span in `[brackets]`, at most `radius` chars each side, on one
/// line.
pub fn bracketed(text: &str, span: Span, radius: usize) -> String {
    let before = &text[..span.start];
    let after = &text[span.end..];
    let cut_before = before
        .char_indices()
        .rev()
        .nth(radius.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let cut_after = after
        .char_indices()
        .nth(radius)
        .map_or(after.len(), |(i, _)| i);
    let mut out = String::with_capacity(text.len() + 8);
    if cut_before > 0 {
        out.push('…');
    }
    out.push_str(&before[cut_before..]);
    out.push('[');
    out.push_str(span.slice(text));
    out.push(']');
    out.push_str(&after[..cut_after]);
    if cut_after < after.len() {
        out.push('…');
    }
    out.replace(['\n', '\r', '\t'], " ")
}

/// The note of a missed gold mention: the predictions overlapping it (`LABEL «text» by rule`).
pub fn missed_note(predicted_there: &[String]) -> String {
    if predicted_there.is_empty() {
        String::new()
    } else {
        format!("predicted there: {}", predicted_there.join(", "))
    }
}

/// The note of a false alarm: its rule and the gold mentions overlapping it.
pub fn spurious_note(rule: &str, gold_there: &[String]) -> String {
    if gold_there.is_empty() {
        format!("rule {rule}")
    } else {
        format!("rule {rule}; gold there: {}", gold_there.join(", "))
    }
}

impl std::fmt::Display for ErrorRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            ErrorKind::Missed => "MISSED",
            ErrorKind::Spurious => "FALSE ",
            ErrorKind::WrongValue => "VALUE ",
        };
        writeln!(
            f,
            "{kind} {:<13} «{}»  ({})",
            self.label.name(),
            self.surface,
            self.location
        )?;
        writeln!(f, "       {}", self.context)?;
        if !self.note.is_empty() {
            writeln!(f, "       {}", self.note)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_and_trims_context() {
        let text = "бір екі үш төрт бес";
        let start = text.find("үш").unwrap();
        let span = Span::new(start, start + "үш".len());
        assert_eq!(bracketed(text, span, 100), "бір екі [үш] төрт бес");
        assert_eq!(bracketed(text, span, 4), "…екі [үш] төр…");
    }
}
