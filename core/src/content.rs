//! content (placeholder).
