-- End a write transaction, keeping its changes. Parameters: none
commit
