//! Integration tests: workbook (filled in by the commit that implements it).
