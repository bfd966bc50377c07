"""Use cases over a SQLAlchemy Session, shared by the GUI and the CLI. Never imports Qt."""
