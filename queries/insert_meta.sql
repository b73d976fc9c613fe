-- Record one fact about the database (sample or not, scale, seed, versions). Parameters: $key, $value
insert or replace into meta (key, value) values ($key, $value)
