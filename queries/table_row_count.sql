-- Rows in one table. Slots: {table} (an identifier). Parameters: none
select count(*) from {table}
