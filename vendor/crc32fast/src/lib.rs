#![no_std]
//! CRC-32 (IEEE 802.3, as zip uses it) with the API of crc32fast 1.5, from
//! a 256-entry table computed at compile time.
//!
//! Why this exists: `zip` needs crc32fast, whose portable code path carries
//! a 16 KB slice-by-16 table. That table and its code were 18.5 KB of the
//! app's gzip-compressed wasm (5 %), for checksums of a .docx's few parts
//! (tens of kilobytes, where byte-at-a-time speed is far more than enough).
//! The root Cargo.toml puts this crate in crc32fast's place with
//! `[patch.crates-io]`; tests/crc32.rs checks it against the standard check
//! values and `combine` against the definition.
use core::{fmt, hash};

const POLY: u32 = 0xedb8_8320;
static TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { (c >> 1) ^ POLY } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// The CRC of `buf` continued from `state` (a finished CRC, not inverted).
fn update(state: u32, buf: &[u8]) -> u32 {
    let mut c = !state;
    for &b in buf {
        c = TABLE[((c as u8) ^ b) as usize] ^ (c >> 8);
    }
    !c
}

/// a(x) · b(x) modulo the CRC polynomial, bit-reflected (as in zlib's
/// crc32_combine and crc32fast's own combine).
const fn multiply(a: u32, mut b: u32) -> u32 {
    let mut p = 0u32;
    let mut i = 0;
    while i < 32 {
        p ^= b & ((a >> (31 - i)) & 1).wrapping_neg();
        b = (b >> 1) ^ ((b & 1).wrapping_neg() & POLY);
        i += 1;
    }
    p
}

/// x^(8·len) modulo the polynomial, reflected: multiplying a CRC state by it
/// appends `len` zero bytes.
const fn x8n(len: u64) -> u32 {
    let mut p = 0x8000_0000;
    let mut sq = 0x0080_0000;
    let mut n = len;
    while n != 0 {
        if n & 1 != 0 {
            p = multiply(sq, p);
        }
        sq = multiply(sq, sq);
        n >>= 1;
    }
    p
}

/// The CRC-32 of a byte slice.
pub fn hash(buf: &[u8]) -> u32 {
    update(0, buf)
}

/// An in-progress CRC-32 computation.
#[derive(Clone)]
pub struct Hasher {
    amount: u64,
    state: u32,
}

impl Hasher {
    pub fn new() -> Self {
        Self::new_with_initial(0)
    }
    pub fn new_with_initial(init: u32) -> Self {
        Self::new_with_initial_len(init, 0)
    }
    pub fn new_with_initial_len(init: u32, amount: u64) -> Self {
        Hasher { amount, state: init }
    }
    pub fn update(&mut self, buf: &[u8]) {
        self.amount += buf.len() as u64;
        self.state = update(self.state, buf);
    }
    /// Bytes hashed so far (with those given to `new_with_initial_len`
    /// and added by `combine`).
    pub fn total_len(&self) -> u64 {
        self.amount
    }
    pub fn finalize(self) -> u32 {
        self.state
    }
    pub fn reset(&mut self) {
        self.state = 0;
        self.amount = 0;
    }
    /// Continue this state with the state of the bytes that follow it:
    /// crc(a ‖ b) from crc(a), crc(b) and len(b).
    pub fn combine(&mut self, other: &Self) {
        self.amount += other.amount;
        self.state = multiply(x8n(other.amount), self.state) ^ other.state;
    }
}

impl fmt::Debug for Hasher {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("crc32fast::Hasher").finish()
    }
}
impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}
impl hash::Hasher for Hasher {
    fn write(&mut self, bytes: &[u8]) {
        self.update(bytes)
    }
    fn finish(&self) -> u64 {
        u64::from(self.clone().finalize())
    }
}
