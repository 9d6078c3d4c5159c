//! Integration tests: hostile (filled in by the commit that implements it).
