"""The kinds a tag can be (a plain tuple: the command line offers them without loading the ORM)."""

TAG_KINDS = ("person", "place", "organisation", "topic", "other")
