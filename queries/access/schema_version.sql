-- The access store's schema version (0 for a new file): one row. Parameters: none
pragma user_version
