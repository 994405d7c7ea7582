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

/// Up to the first eight bytes of `bytes` as a little-endian number, zero-padded (no
/// `memcpy` call). Fewer than eight bytes are read as two overlapping loads: their common
/// bytes are equal, so OR-ing them is exact.
#[inline]
pub fn load_le(bytes: &[u8]) -> u64 {
    if let Some(eight) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*eight);
    }
    let n = bytes.len();
    if let (Some(lo), Some(hi)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        return u64::from(u32::from_le_bytes(*lo))
            | u64::from(u32::from_le_bytes(*hi)) << (8 * (n - 4));
    }
    if let (Some(lo), Some(hi)) = (bytes.first_chunk::<2>(), bytes.last_chunk::<2>()) {
        return u64::from(u16::from_le_bytes(*lo))
            | u64::from(u16::from_le_bytes(*hi)) << (8 * (n - 2));
    }
    bytes.first().copied().map_or(0, u64::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_loads_equal_a_zero_padded_copy() {
        let bytes = *b"abcdefghi";
        for n in 0..=9 {
            let mut word = [0u8; 8];
            let k = n.min(8);
            word[..k].copy_from_slice(&bytes[..k]);
            assert_eq!(load_le(&bytes[..n]), u64::from_le_bytes(word), "{n}");
        }
    }

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
