-- Sample generator, step 2: how much each enforcement domain handles relative to market regulation,
-- in the agencies of a province/city/county and in a township's comprehensive enforcement team.
-- Parameters: none
create or replace table sample_domain_profiles as
select * from (values
    ('market', 1.00, 0.50), ('environment', 0.45, 0.50), ('transport', 0.70, 0.20),
    ('emergency', 0.40, 0.45), ('agriculture', 0.30, 0.60), ('culture', 0.20, 0.10),
    ('health', 0.35, 0.30), ('natural_resources', 0.30, 0.70), ('urban', 0.90, 1.00),
    ('housing', 0.25, 0.40), ('water', 0.10, 0.15), ('forestry', 0.10, 0.20),
    ('labour', 0.12, 0.05), ('medical_insurance', 0.08, 0.02), ('public_security', 1.20, 0.05),
    ('fire', 0.30, 0.15), ('education', 0.05, 0.02), ('commerce', 0.06, 0.02),
    ('civil_affairs', 0.03, 0.05), ('statistics', 0.02, 0.01)
) as t(domain_code, weight, township_weight)
