//! Integration tests: govcn (filled in by the commit that implements it).
