//! The CRC-32 that zip uses for every .docx part (vendor/crc32fast, patched
//! in for crc32fast): the standard check values, chunked updates, and
//! `combine` against the CRC of the joined bytes.

use crc32fast::{hash, Hasher};
use proptest::prelude::*;

#[test]
fn standard_check_values() {
    assert_eq!(hash(b""), 0);
    assert_eq!(hash(b"123456789"), 0xCBF4_3926);
    assert_eq!(hash(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
    assert_eq!(hash("法治政府建设".as_bytes()), {
        // Bit by bit, straight from the definition (reflected 0xEDB88320).
        let mut c = !0u32;
        for &b in "法治政府建设".as_bytes() {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 != 0 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 };
            }
        }
        !c
    });
}

proptest! {
    #[test]
    fn chunks_and_combine_agree_with_one_pass(data in proptest::collection::vec(any::<u8>(), 0..3000), cut in 0usize..3000) {
        let cut = cut.min(data.len());
        let (a, b) = data.split_at(cut);

        let mut chunked = Hasher::new();
        chunked.update(a);
        chunked.update(b);
        prop_assert_eq!(chunked.clone().finalize(), hash(&data));
        prop_assert_eq!(chunked.total_len(), data.len() as u64);

        let mut first = Hasher::new();
        first.update(a);
        let mut second = Hasher::new();
        second.update(b);
        first.combine(&second);
        prop_assert_eq!(first.finalize(), hash(&data));

        let mut resumed = Hasher::new_with_initial(hash(a));
        resumed.update(b);
        prop_assert_eq!(resumed.finalize(), hash(&data));
    }
}
