//! Checks shared by the readers: is this text at all (UTF-8, no NUL bytes, not blank), and
//! what kind of error a failed read is.

use std::io;

use super::error::{ErrorKind, InputError};

/// How many leading bytes are searched for NUL to call a file binary (as git and ripgrep do).
pub(crate) const BINARY_PROBE_BYTES: usize = 8192;

/// True when the first bytes hold a NUL.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(BINARY_PROBE_BYTES)]).is_some()
}

/// Turns the bytes of one article into text, or the error that says why they are not.
pub(crate) fn text(
    bytes: Vec<u8>,
    fail: &dyn Fn(ErrorKind, String) -> InputError,
) -> Result<String, InputError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(fail(ErrorKind::Empty, "no article: empty file".into()));
    }
    if looks_binary(&bytes) {
        return Err(fail(ErrorKind::Binary, "binary file (NUL bytes)".into()));
    }
    String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        let line = 1 + error.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        fail(
            ErrorKind::InvalidUtf8,
            format!("invalid UTF-8 at byte {at} (line {line})"),
        )
    })
}

/// The error for a read that failed midway: corrupt or truncated gzip, or plain I/O.
pub(crate) fn read_failure(
    gzip: bool,
    error: &io::Error,
    fail: &dyn Fn(ErrorKind, String) -> InputError,
) -> InputError {
    if gzip {
        fail(
            ErrorKind::Gzip,
            format!("corrupt or truncated gzip: {error}"),
        )
    } else {
        fail(ErrorKind::Io, format!("read failed: {error}"))
    }
}
