//! Byte-level helpers for the word gates that read folded words as UTF-8 bytes instead of
//! decoding chars.

/// Byte length of the UTF-8 char whose first byte is `lead`.
#[inline]
pub fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Up to the first eight bytes of `bytes` as a little-endian number (no `memcpy` call).
#[inline]
pub fn load_le(bytes: &[u8]) -> u64 {
    if let Some(eight) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*eight);
    }
    bytes
        .iter()
        .enumerate()
        .fold(0, |v, (k, &b)| v | u64::from(b) << (8 * k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_loads() {
        for c in ['a', 'қ', '€', '😀'] {
            let mut buf = [0; 4];
            assert_eq!(
                utf8_len(c.encode_utf8(&mut buf).as_bytes()[0]),
                c.len_utf8()
            );
        }
        assert_eq!(load_le(b"ab"), 0x6261);
        assert_eq!(load_le(b"abcdefghij"), u64::from_le_bytes(*b"abcdefgh"));
    }
}
