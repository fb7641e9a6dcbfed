//! The consistency audit: rules over the parsed model, each with a stable id.

use crate::model::{Finding, Report};

/// Runs every rule over `report`.
pub fn audit(report: &Report) -> Vec<Finding> {
    let _ = report;
    Vec::new()
}
