//! The one integration-test binary of ogi-report.

mod allocations;
mod audit;
mod audit_across;
mod audit_cli;
mod audit_rules;
mod c_header;
mod cli;
mod cli_audit;
mod cli_conventions;
mod cli_export;
mod corpus;
mod errors;
mod exact;
mod ffi;
mod ffi_across;
mod fixtures;
mod grid_text;
mod html;
mod inputs;
mod layering;
mod layout;
mod legacy;
mod linearity;
mod markdown;
mod memory;
#[cfg(feature = "pdf")]
mod pdf;
#[cfg(feature = "pdf")]
mod pdf_fixtures;
#[cfg(feature = "pdf")]
mod pdf_memory;
mod read;
mod roundtrip;
mod roundtrip_laws;
mod roundtrip_laws_c15a;
mod roundtrip_laws_c15b;
mod roundtrip_laws_c15c;
mod roundtrip_laws_c15d;
mod roundtrip_laws_c16b;
mod roundtrip_laws_c16c;
mod roundtrip_laws_c16d;
mod roundtrip_laws_c17a;
mod roundtrip_laws_c17b;
mod roundtrip_laws_c17c;
mod roundtrip_laws_c18a;
mod roundtrip_laws_fa;
mod roundtrip_laws_fa2;
mod roundtrip_laws_lead17;
mod roundtrip_laws_z10;
mod roundtrip_laws_z11;
mod roundtrip_laws_z12;
mod roundtrip_laws_z13;
mod roundtrip_sweep;
mod series_html;
mod strategy;
mod util;
