-- One fact about the database (see meta_facts), or no row. Parameters: $key
select value from meta where key = $key
