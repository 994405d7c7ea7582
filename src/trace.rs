//! Rule tracing for `kazfacts explain`: extractors report the candidates each rule built and
//! why some were rejected. Disabled traces cost one branch per call and allocate nothing.

use crate::mention::Label;
use crate::text::Span;

/// What happened to one candidate.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The rule built a candidate mention.
    Built,
    /// The rule matched here but gave up, for the stated reason.
    Rejected(String),
    /// The candidate lost the overlap resolution to the named winner.
    Overlapped(String),
}

/// One event in a trace.
#[derive(Debug, Clone, PartialEq)]
pub struct TraceEvent {
    /// The rule id.
    pub rule: &'static str,
    /// Where it matched.
    pub span: Span,
    /// The class it would have produced, when known.
    pub label: Option<Label>,
    /// What became of it.
    pub outcome: Outcome,
}

/// A sink for rule events; see the module doc.
#[derive(Debug, Default)]
pub struct Trace {
    enabled: bool,
    /// Events in the order they were reported.
    pub events: Vec<TraceEvent>,
}

impl Trace {
    /// A trace that records nothing (the batch path).
    pub fn disabled() -> Self {
        Trace::default()
    }

    /// A trace that records every event (the `explain` path).
    pub fn enabled() -> Self {
        Trace {
            enabled: true,
            events: Vec::new(),
        }
    }

    /// True when events are recorded; use it to skip building costly messages.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// Records that `rule` built a candidate.
    pub fn built(&mut self, rule: &'static str, span: Span, label: Label) {
        if self.enabled {
            self.events.push(TraceEvent {
                rule,
                span,
                label: Some(label),
                outcome: Outcome::Built,
            });
        }
    }

    /// Records that `rule` matched at `span` and gave up; `why` runs only when enabled.
    pub fn rejected(&mut self, rule: &'static str, span: Span, why: impl FnOnce() -> String) {
        if self.enabled {
            self.events.push(TraceEvent {
                rule,
                span,
                label: None,
                outcome: Outcome::Rejected(why()),
            });
        }
    }

    /// Records that a candidate lost the overlap resolution.
    pub fn overlapped(&mut self, rule: &'static str, span: Span, label: Label, winner: String) {
        if self.enabled {
            self.events.push(TraceEvent {
                rule,
                span,
                label: Some(label),
                outcome: Outcome::Overlapped(winner),
            });
        }
    }
}
