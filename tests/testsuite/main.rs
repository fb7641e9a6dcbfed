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
mod html;
mod legacy;
mod markdown;
mod roundtrip;
mod strategy;
mod util;
