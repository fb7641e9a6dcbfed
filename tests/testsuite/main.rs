//! The one integration-test binary of ogi-report.

mod audit;
mod c_header;
mod cli;
mod cli_audit;
mod cli_export;
mod corpus;
mod errors;
mod ffi;
mod fixtures;
#[cfg(feature = "pdf")]
mod pdf;
#[cfg(feature = "pdf")]
mod pdf_fixtures;
mod roundtrip;
mod strategy;
mod util;
