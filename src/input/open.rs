//! Opening one input: a file or stdin, transparently gunzipped (detected by the gzip magic
//! bytes, not the name), behind a large buffer, counting the decompressed bytes read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::bufread::MultiGzDecoder;

/// Size of the read buffers: large, so that a dump is read in few system calls.
const BUFFER_BYTES: usize = 1 << 20;

/// The first bytes of every gzip member.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// An opened input stream.
pub(crate) struct Opened {
    /// Decompressed bytes.
    pub reader: Box<dyn BufRead + Send>,
    /// True when the bytes are gunzipped: read errors then mean a corrupt or truncated file.
    pub gzip: bool,
}

/// Opens `path` (or stdin for `None`), counting the bytes read into `counter`.
pub(crate) fn open(path: Option<&Path>, counter: &Arc<AtomicU64>) -> io::Result<Opened> {
    let raw: Box<dyn Read + Send> = match path {
        Some(path) => Box::new(File::open(path)?),
        None => Box::new(io::stdin()),
    };
    let mut buffered = BufReader::with_capacity(BUFFER_BYTES, raw);
    let gzip = buffered.fill_buf()?.starts_with(&GZIP_MAGIC);
    let counter = Arc::clone(counter);
    let reader: Box<dyn BufRead + Send> = if gzip {
        let decoder = Counted::new(MultiGzDecoder::new(buffered), counter);
        Box::new(BufReader::with_capacity(BUFFER_BYTES, decoder))
    } else {
        Box::new(Counted::new(buffered, counter))
    };
    Ok(Opened { reader, gzip })
}

/// A reader that adds every byte it hands out to a shared counter.
struct Counted<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R> Counted<R> {
    fn new(inner: R, counter: Arc<AtomicU64>) -> Self {
        Counted { inner, counter }
    }

    fn add(&self, bytes: usize) {
        self.counter.fetch_add(bytes as u64, Ordering::Relaxed);
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.add(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.add(amount);
        self.inner.consume(amount);
    }
}
