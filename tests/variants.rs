//! Integration tests: variants (filled in by the commit that implements it).
