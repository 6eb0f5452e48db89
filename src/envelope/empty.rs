//! `EmptyData`: the data of the tasks whose answer is documented as empty.

use crate::codec::macros::xml_struct;
use crate::describe::{Describe, Fact};

xml_struct! {
    /// Response data that is documented as empty (`<data/>`); anything the server puts
    /// there anyway is kept in `unknown`.
    #[derive(Default)]
    pub struct EmptyData {}
}

impl Describe for EmptyData {
    fn facts(&self) -> Vec<Fact<'_>> {
        Vec::new()
    }
}
