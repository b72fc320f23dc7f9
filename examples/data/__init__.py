"""The fictional filings of the examples, one module per template (each defines `FILING`)."""
