-- Sample generator: drop the working table of region profiles. Parameters: none
drop table sample_profiles
