//! A fixed pseudo-random generator for the core's unit tests (xorshift64):
//! the same cases on every run, with no dependency. Integration tests use
//! proptest; these unit tests compare a routine with the standard one it
//! replaces over many generated inputs.

pub(crate) struct XorShift(u64);

impl XorShift {
    pub(crate) fn new() -> Self {
        Self::with_seed(0x2545_f491_4f6c_dd1d)
    }

    /// Another fixed sequence (`seed` not zero).
    pub(crate) fn with_seed(seed: u64) -> Self {
        XorShift(seed)
    }

    /// The next number below `n`.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}
