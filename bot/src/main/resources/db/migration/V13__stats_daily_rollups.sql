-- Daily roll-ups of the city's statistics, so that the six-month and annual reports do not group a year of
-- messages and cases at every look (vn.kontum.hotline.stats.DailyRollup keeps them). Portable between PostgreSQL
-- and H2 in PostgreSQL mode. Days are numbered from 1970-01-01 in Vietnam's time (epoch_day).
--
-- A day's case figures are kept with the day's fingerprint (how many cases were opened that day, the sum of
-- their ids and of their updated_at): whatever changes a case of the day (a category corrected, a priority
-- changed, a reply, a resolution, a transfer, a case recorded afterwards) changes the fingerprint. Each look
-- compares the fingerprints of the days with a case written or updated since the last look and counts again the
-- days that changed; every 10 minutes the fingerprints of all days are compared; every night every day is counted
-- again (a fix by hand that left updated_at as it was changes no fingerprint).
create table stats_day (
    epoch_day                integer      primary key,
    cases                    bigint       not null,
    id_sum                   bigint       not null,
    updated_sum              numeric(38, 6) not null,
    built_at                 timestamp with time zone not null,
    -- first-response breaches depend on the opening hours and, for a case not answered yet, on the time of asking
    breach_basis             varchar(64),
    breach_built_at          timestamp with time zone,
    breach_recheck_at        timestamp with time zone
);

-- Cases opened on the day.
create table stats_day_cases (
    epoch_day                integer      not null,
    category                 varchar(30)  not null,
    channel                  varchar(20)  not null,
    priority                 varchar(10)  not null,
    cases                    bigint       not null
);
create index stats_day_cases_by_day on stats_day_cases (epoch_day);

-- By where the woman said she lives (the contact's commune and village ids; names are joined when read).
create table stats_day_places (
    epoch_day                integer      not null,
    commune_id               varchar(40),
    village_id               varchar(40),
    cases                    bigint       not null
);
create index stats_day_places_by_day on stats_day_places (epoch_day);

create table stats_day_points (
    epoch_day                integer      not null,
    service_point_id         varchar(40)  not null,
    cases                    bigint       not null
);
create index stats_day_points_by_day on stats_day_points (epoch_day);

-- For counting women, not cases: each case with the day of the same woman's case before it (prev_day, null for
-- her first). A woman has a case in a period exactly once with no case of hers before it in the period, so the
-- women of a period are the cases of the period whose prev_day is null or before the period. safe_delivery rows
-- do the same among her safe-delivery cases only. created_day: when the contact was first seen.
create table stats_day_contacts (
    epoch_day                integer      not null,
    safe_delivery            boolean      not null,
    prev_day                 integer,
    created_day              integer,
    cases                    bigint       not null
);
create index stats_day_contacts_by_day on stats_day_contacts (epoch_day);

-- First-response and resolution times in minutes, every distinct value with its count, so that medians and
-- 90th percentiles stay exact.
create table stats_day_times (
    epoch_day                integer      not null,
    priority                 varchar(10)  not null,
    measure                  varchar(10)  not null,          -- FIRST, RESOLVED
    minutes                  double precision not null,
    cases                    bigint       not null
);
create index stats_day_times_by_day on stats_day_times (epoch_day);

create table stats_day_breaches (
    epoch_day                integer      not null,
    priority                 varchar(10)  not null,
    cases                    bigint       not null
);
create index stats_day_breaches_by_day on stats_day_breaches (epoch_day);

-- Cases opened on the day by the day they were resolved (resolutions are counted by when they happened).
create table stats_day_resolved (
    epoch_day                integer      not null,
    resolved_day             integer      not null,
    category                 varchar(30)  not null,
    cases                    bigint       not null
);
create index stats_day_resolved_by_day on stats_day_resolved (epoch_day);
create index stats_day_resolved_by_resolution on stats_day_resolved (resolved_day);

-- Inbound messages of the day, up to messages_watermark (a message id); later ones are counted from the
-- messages themselves. A message's category is set once, when it is processed: the ones not processed yet when
-- their day was rolled up are listed in stats_message_pending, and their day is counted again once they are.
create table stats_message_day (
    epoch_day                integer      not null,
    category                 varchar(30),
    channel                  varchar(20)  not null,
    messages                 bigint       not null
);
create index stats_message_day_by_day on stats_message_day (epoch_day);

create table stats_message_pending (
    message_id               bigint       primary key,
    epoch_day                integer      not null
);

-- One row: how far the message roll-up goes, and the lock taken by whoever brings the roll-ups up to date.
create table stats_rollup_state (
    id                       integer      primary key,
    cases_built              boolean      not null default false,   -- every day from the first case on has been counted once
    cases_watermark          bigint,                                 -- the largest case id at the last look
    cases_checked_at         timestamp with time zone,               -- the last look (cases updated since are looked at)
    messages_through         integer,
    messages_watermark       bigint,
    located_checked_at       timestamp with time zone,
    breach_basis             varchar(64),
    breach_basis_since       timestamp with time zone
);
insert into stats_rollup_state (id) values (1);

-- The fingerprints are read from this index alone; a look finds the cases updated since the last one by the other.
create index help_case_stats_fingerprint on help_case (opened_at, updated_at, id);
create index help_case_updated on help_case (updated_at);

-- When the woman last said where she lives: her earlier cases then count in her new village.
alter table contact add column located_at timestamp with time zone;
create index contact_located on contact (located_at);
