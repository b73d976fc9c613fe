-- Drop one of the schema's empty tables before a view over the dataset's files takes its name. Slots: {table}
drop table {table}
