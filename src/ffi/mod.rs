//! The C ABI (see `include/ogi_report.h`).
