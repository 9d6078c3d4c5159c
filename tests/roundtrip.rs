//! Integration tests: roundtrip (filled in by the commit that implements it).
