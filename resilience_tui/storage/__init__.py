"""Storage: the only package that knows about TinyDB and the file on disk."""
