-- Start a write transaction holding the write lock at once (another writer waits, readers go on). Parameters: none
begin immediate
