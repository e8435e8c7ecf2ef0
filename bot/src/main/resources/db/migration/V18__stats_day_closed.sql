-- Cases closed, by the day they were opened and the day they were closed, for the report's cases closed in the
-- period (vn.kontum.hotline.stats.DailyRollup keeps it as it keeps stats_day_resolved). Filled here from the cases
-- as they are, so that the days already rolled up, whose fingerprints stay the same, need not be counted again.
-- 25200 seconds: Vietnam's UTC+7, as StatsDay counts days.
create table stats_day_closed (
    epoch_day                integer      not null,
    closed_day               integer      not null,
    category                 varchar(30)  not null,
    cases                    bigint       not null
);
create index stats_day_closed_by_day on stats_day_closed (epoch_day);
create index stats_day_closed_by_closure on stats_day_closed (closed_day);

insert into stats_day_closed (epoch_day, closed_day, category, cases)
select d, r, category, count(*) from (
    select cast(floor((extract(epoch from c.opened_at) + 25200) / 86400) as integer) as d,
           cast(floor((extract(epoch from c.closed_at) + 25200) / 86400) as integer) as r, c.category
    from help_case c where c.closed_at is not null) x
group by d, r, category;
