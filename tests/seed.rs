//! Integration tests: seed (filled in by the commit that implements it).
