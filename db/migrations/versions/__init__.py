"""The migration scripts, one per revision.

Alembic loads them by file; being a package lets import-linter check them too.
"""
