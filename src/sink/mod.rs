//! Output sinks: JSONL (atomic file or stdout).
