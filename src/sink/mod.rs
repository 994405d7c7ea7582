//! Output sinks: JSONL to stdout, or to a file written atomically (a temporary file in the
//! same folder, renamed over the target only when the run finished: a crash or a fatal
//! error never leaves a half-written file behind).

use std::fs;
use std::io::{self, BufWriter, Stdout, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// Size of the output buffer. Writes at least this long (the pipeline's pieces of output,
/// usually) go straight to the output instead of being copied into the buffer first.
const BUFFER_BYTES: usize = 64 << 10;

/// Where output lines go.
pub enum Sink {
    /// Standard output.
    Stdout(BufWriter<Stdout>),
    /// A temporary file that becomes `target` on [`Sink::finish`].
    File {
        /// The temporary file.
        writer: BufWriter<NamedTempFile>,
        /// The final path.
        target: PathBuf,
    },
}

impl Sink {
    /// Opens stdout (`None`) or a temporary file beside `path`.
    pub fn open(path: Option<&Path>) -> io::Result<Sink> {
        let Some(path) = path else {
            return Ok(Sink::Stdout(BufWriter::with_capacity(
                BUFFER_BYTES,
                io::stdout(),
            )));
        };
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let file = tempfile::Builder::new()
            .prefix(".kazfacts-")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        Ok(Sink::File {
            writer: BufWriter::with_capacity(BUFFER_BYTES, file),
            target: path.to_path_buf(),
        })
    }

    /// Flushes, and for a file moves it into place (readable like any new file).
    pub fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stdout(mut writer) => writer.flush(),
            Sink::File { writer, target } => {
                let file = writer
                    .into_inner()
                    .map_err(io::IntoInnerError::into_error)?;
                file.as_file().sync_all()?;
                set_default_permissions(file.path())?;
                file.persist(&target).map_err(|error| error.error)?;
                Ok(())
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(writer) => writer.write(buf),
            Sink::File { writer, .. } => writer.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(writer) => writer.write_all(buf),
            Sink::File { writer, .. } => writer.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(writer) => writer.flush(),
            Sink::File { writer, .. } => writer.flush(),
        }
    }
}

/// Temporary files are created private (0600); the output is an ordinary file (0644).
#[cfg(unix)]
fn set_default_permissions(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_default_permissions(_path: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_appears_only_when_finished() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.jsonl");
        let mut sink = Sink::open(Some(&target)).unwrap();
        sink.write_all(b"{}\n").unwrap();
        sink.flush().unwrap();
        assert!(!target.exists());
        sink.finish().unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"{}\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn dropped_sink_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.jsonl");
        let mut sink = Sink::open(Some(&target)).unwrap();
        sink.write_all(b"{}\n").unwrap();
        drop(sink);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
