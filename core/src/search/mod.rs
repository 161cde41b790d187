//! search (placeholder).
