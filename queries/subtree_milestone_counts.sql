-- Milestone items (milestone x region) on $as_of by status, for $region_code's subtree (depth 0) and the subtrees of
-- its children (depth 1) and grandchildren (depth 2): one row per (region, status); a region without items has one
-- row with a null status and item_count 0. Null plan or area = all. Parameters: $region_code, $as_of, $plan_id, $task_area
with
root as (
    select code_prefix, len(lineage) as depth from regions where region_code = $region_code
),

tiles as (
    select * from subtree_two_levels($region_code)
),

items as (
    select
        r.lineage[root.depth + 1] as child_code,
        r.lineage[root.depth + 2] as grandchild_code,
        s.status
    from milestone_status_as_of($as_of::date) as s
    join milestones as m on m.milestone_id = s.milestone_id
    join regions as r on r.region_code = s.region_code
    cross join root
    where in_subtree(s.region_code, root.code_prefix)
        and ($plan_id::varchar is null or s.plan_id = $plan_id)
        and ($task_area::varchar is null or m.task_area = $task_area)
),

counted as (
    select
        case
            when grouping(child_code) = 1 then $region_code
            when grouping(grandchild_code) = 1 then child_code
            else grandchild_code
        end as region_code,
        status,
        count(*) as item_count
    from items
    group by grouping sets ((status), (child_code, status), (child_code, grandchild_code, status))
),

final as (
    select t.depth, t.region_code, t.region_name, t.parent_code, c.status, coalesce(c.item_count, 0) as item_count
    from tiles as t
    left join counted as c on c.region_code = t.region_code
)

select * from final
order by depth, region_code, status
