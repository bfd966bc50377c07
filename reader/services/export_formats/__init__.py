"""Services behind the exports: complete issue documents and the scope of an export."""
