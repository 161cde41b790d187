//! triage (placeholder).
