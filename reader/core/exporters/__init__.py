"""Qt-free export renderers: plain issue documents (see ``reader.services.documents``) in, file content out.

One small module per format; :mod:`.dispatch` turns a format and a list of
documents into the bytes of a file.  Nothing here reads the database.
"""
