//! Arbitrary bytes through our scanner (`RawElement::decode`) and through two independent
//! oracles (`tests/scanner_oracle`): quick-xml with end-name and comment checks on, and
//! roxmltree (a conforming parser with its own tokenizer). Against each, both accept with the
//! same tree, or both refuse, or they part in one of the documented ways; anything else is a
//! crash.
#![no_main]

#[path = "../../tests/scanner_oracle/mod.rs"]
mod scanner_oracle;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(why) = scanner_oracle::compare(data) {
        panic!("{:?}: {why}", String::from_utf8_lossy(data));
    }
});
