//! `ogi_format`: which official template a report follows.
//!
//! A plain type at the bottom of the module, beside [`super::status`].

use crate::Format;

/// Which official template a report follows.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ogi_format {
    /// Not recognisable (also returned for a NULL report).
    Unknown = 0,
    /// Reports under the 2008 regulations (years up to 2018): free sections.
    Legacy = 1,
    /// The 2019 trial template.
    _2019 = 2,
    /// The 2021 revised template.
    _2021 = 3,
}

impl From<Format> for ogi_format {
    fn from(f: Format) -> ogi_format {
        match f {
            Format::Unknown => ogi_format::Unknown,
            Format::Legacy => ogi_format::Legacy,
            Format::V2019 => ogi_format::_2019,
            Format::V2021 => ogi_format::_2021,
        }
    }
}
