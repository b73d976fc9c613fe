-- Write everything to the database file before a new version is published (store.new_version).
checkpoint
