//! Integration tests: snapshots (filled in by the commit that implements it).
