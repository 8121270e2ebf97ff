"""Election documents compiled into an indexed SQLite file, opened in milliseconds.

`schema` names the tables, `compiler` keeps the file in step with the documents (one document at
a time, by content hash), and `knowledge.store.ResultsStore` reads it.
"""
