//! Streaming article readers: `.txt` dumps, folders, JSONL, gzip, stdin.
