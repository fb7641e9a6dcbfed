//! The one integration-test binary of ogi-report.

mod audit;
mod audit_across;
mod audit_cli;
mod audit_rules;
mod c_header;
mod cli;
mod cli_audit;
mod cli_export;
mod corpus;
mod errors;
mod ffi;
mod fixtures;
mod legacy;
#[cfg(feature = "pdf")]
mod pdf;
#[cfg(feature = "pdf")]
mod pdf_fixtures;
mod roundtrip;
mod strategy;
mod util;
