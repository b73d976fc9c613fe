-- Sample generator: drop the working table of domain profiles. Parameters: none
drop table sample_domain_profiles
