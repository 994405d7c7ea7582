//! Evaluation against gold annotations and CoNLL IOB2 data.
