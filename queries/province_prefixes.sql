-- Code prefixes of all provinces (the national scale covers them all). Parameters: none
select code_prefix from regions where level = 'province' order by region_code
