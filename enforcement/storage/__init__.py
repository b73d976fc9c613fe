"""Storage: where the database lives, its schema, the one runner of named queries, the build and its derived tables.

Nothing here knows about pages, charts or files users hand in; every layer above reads the database through
``runner.QueryRunner``.
"""
