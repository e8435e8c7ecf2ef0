-- When a case became urgent: its urgent first-response target runs from then, not from when it opened (a case
-- made urgent by a later message, or by an officer, was counted as late from its opening). Null for a case
-- opened urgent, where opening is the time; existing urgent cases are taken as urgent from their opening.
alter table help_case add column urgent_since timestamp with time zone;
update help_case set urgent_since = opened_at where priority = 'URGENT';

-- The statistics' roll-ups were counted with the old targets: built again at the first look.
update stats_rollup_state set cases_built = false where id = 1;
