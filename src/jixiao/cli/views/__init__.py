"""Terminal views of documents and reports (rich), used by the CLI."""
