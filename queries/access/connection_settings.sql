-- Every write reaches the disk before its transaction reports success (the trail must survive a crash).
-- Parameters: none
pragma synchronous = full
