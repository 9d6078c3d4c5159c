//! Integration tests: encodings (filled in by the commit that implements it).
