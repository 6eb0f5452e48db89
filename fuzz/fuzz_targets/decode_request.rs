//! Arbitrary bytes as any document, as a request, and as a raw element tree (what every
//! unknown element goes through). Nothing panics; whatever decodes encodes and decodes back to
//! itself (the properties in `tests/fuzz_oracle`, shared with `tests/fuzz_props.rs`).
#![no_main]

#[path = "../../tests/fuzz_oracle/mod.rs"]
mod fuzz_oracle;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let checks = [
        fuzz_oracle::document,
        fuzz_oracle::request,
        fuzz_oracle::raw,
    ];
    for check in checks {
        if let Err(why) = check(data) {
            panic!("{why}");
        }
    }
});
