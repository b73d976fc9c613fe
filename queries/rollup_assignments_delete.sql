-- Empty milestone_assignments_stored before it is rebuilt. Parameters: none
delete from milestone_assignments_stored
