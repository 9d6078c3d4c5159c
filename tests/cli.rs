//! Integration tests: cli (filled in by the commit that implements it).
