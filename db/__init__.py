"""The library database: models, engine and migrations."""
