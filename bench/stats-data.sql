-- Statistics benchmark data for PostgreSQL: 150,000 contacts, 200,000 cases and 1,000,000 messages over
-- 2025-2026, spread over the sample directory's villages and service points. Run on an empty hotline database
-- after the hotline has created its schema and loaded the directory (see bench/stats.sh).
insert into contact (channel, channel_user_id, village_id, commune_id, created_at)
select (array['web', 'telegram', 'zalo'])[1 + g % 3], 'bench-' || g,
       case when g % 4 = 0 then null else (select id from village order by id offset (g % 60) limit 1) end,
       null, timestamp with time zone '2025-01-01 00:00+07' + (g % 700) * interval '1 day'
from generate_series(1, 150000) g;

update contact set commune_id = v.commune_id from village v where v.id = contact.village_id and contact.channel_user_id like 'bench-%';

insert into help_case (contact_id, channel, category, priority, status, service_point_id, route_reason,
                       opened_at, first_reply_at, resolved_at, updated_at)
select c.id, c.channel,
       (array['violence', 'trafficking', 'safe_delivery', 'savings_loans', 'other'])[1 + g % 5],
       case when g % 9 = 0 then 'URGENT' else 'NORMAL' end,
       (array['NEW', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'])[1 + g % 5],
       (select id from service_point order by id offset (g % 43) limit 1), 'bench',
       t, t + (g % 600) * interval '1 minute',
       case when g % 5 >= 3 then t + (g % 90) * interval '1 hour' end, t
from generate_series(1, 200000) g
join contact c on c.channel_user_id = 'bench-' || (1 + g % 150000)
cross join lateral (select timestamp with time zone '2025-01-01 00:00+07' + (g % 690) * interval '1 day' + (g % 1440) * interval '1 minute' as t) tt;

insert into message (direction, channel, inbound_key, contact_id, case_id, body, category, confidence, urgent,
                     model_version, state, created_at)
select 'IN', h.channel, 'bench:' || g, h.contact_id, h.id, 'bench message ' || g, h.category, 0.9, h.priority = 'URGENT',
       'bench', 'PROCESSED', h.opened_at + (g % 5) * interval '1 hour'
from generate_series(1, 1000000) g
join help_case h on h.id = (select min(id) from help_case) + (g % 200000);

-- As autovacuum leaves a table after a bulk insert: statistics and the visibility map (index-only scans).
vacuum analyze;
