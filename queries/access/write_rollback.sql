-- End a write transaction, dropping its changes. Parameters: none
rollback
