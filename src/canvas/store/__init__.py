"""The SQLite store: one file, many canvases; schema, migrations and the repository. No Qt."""
