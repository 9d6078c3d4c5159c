//! Integration tests: html (filled in by the commit that implements it).
