//! filter (placeholder).
