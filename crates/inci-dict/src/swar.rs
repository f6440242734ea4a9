//! Byte tests on eight bytes at once, in one `u64` (SIMD within a register): the parser's
//! line-break search, the JSON writer's escape test and the text renderer's style stripping
//! each look for a few byte values in long runs of text, and these answer for a word in a
//! dozen instructions with no `unsafe`.
//!
//! Each test returns a mask with the high bit of every byte it flags. A flag is exact up to
//! the lowest one: a subtraction's borrow, which can flag a byte falsely, only starts at a
//! truly flagged byte below it. So a mask is zero exactly when no byte matches, and its lowest
//! set bit (read little-endian, [`first`]) is in the first byte that matches; the bytes above
//! that one may be flagged falsely.

/// The high bit of every byte.
const HIGH: u64 = splat(0x80);

/// Eight copies of a byte.
#[inline]
pub const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The bytes of `w` below `n` (at most 0x80): `(w - n..) & !w` sets a byte's high bit when it
/// wrapped below zero and was under 0x80.
#[inline]
pub const fn bytes_below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(splat(n)) & !w & HIGH
}

/// The bytes of `w` equal to `b`: the zero bytes of `w ^ b..`.
#[inline]
pub const fn bytes_equal(w: u64, b: u8) -> u64 {
    bytes_below(w ^ splat(b), 1)
}

/// The offset of the first byte a non-zero mask flags, in a word read little-endian
/// (`u64::from_le_bytes`).
#[inline]
pub const fn first(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every place of a word, after bytes that match nothing and before
    /// bytes that a borrow could flag falsely: the mask is zero exactly when nothing matches,
    /// and its first flag is the first match.
    #[test]
    fn the_first_flag_is_the_first_match_for_every_byte_at_every_place() {
        for n in [1u8, 0x20, 0x21, 0x7f, 0x80] {
            for b in 0..=u8::MAX {
                for at in 0..8 {
                    for later in [0u8, n.saturating_sub(1), n, 0xff] {
                        let mut bytes = [0xffu8; 8];
                        bytes[at] = b;
                        for x in &mut bytes[at + 1..] {
                            *x = later;
                        }
                        let w = u64::from_le_bytes(bytes);
                        let below = bytes.iter().position(|&x| x < n);
                        let mask = bytes_below(w, n);
                        assert_eq!(
                            (mask != 0).then(|| first(mask)),
                            below,
                            "{bytes:?} < {n:#x}"
                        );
                        let equal = bytes.iter().position(|&x| x == n);
                        let mask = bytes_equal(w, n);
                        assert_eq!(
                            (mask != 0).then(|| first(mask)),
                            equal,
                            "{bytes:?} == {n:#x}"
                        );
                    }
                }
            }
        }
    }
}
