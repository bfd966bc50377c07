"""Alembic's environment and the migration scripts (checked by import-linter like any package)."""
