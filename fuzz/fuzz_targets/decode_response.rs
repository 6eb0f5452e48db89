//! Arbitrary bytes as a response: as a [`Document`](autodns_xml::Document) (data typed by
//! status code), and through one of the typed response decoders (`Response<RawElement>`, or
//! the response to a modelled task) chosen by the first byte. Nothing panics; whatever decodes
//! encodes and decodes back to itself (the properties in `tests/fuzz_oracle`, shared with
//! `tests/fuzz_props.rs`).
#![no_main]

#[path = "../../tests/fuzz_oracle/mod.rs"]
mod fuzz_oracle;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(why) = fuzz_oracle::document(data) {
        panic!("{why}");
    }
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let responses = fuzz_oracle::RESPONSES;
    if let Some(check) = responses.get(usize::from(pick) % responses.len()) {
        if let Err(why) = check(rest) {
            panic!("{why}");
        }
    }
});
