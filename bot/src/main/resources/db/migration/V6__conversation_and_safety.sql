-- The bot's conversation and the survivor's safety. Portable between PostgreSQL and H2 in PostgreSQL mode.

-- Buttons offered with a reply, one "data|label" per line: each channel shows them its own way (Telegram
-- buttons, web chat buttons, numbered lines in the text for everyone).
alter table message add column choices varchar(4000);
-- When the content (body, attachment) was erased, by the woman's erase word or by the retention job.
-- The row stays, so anonymous counts stay.
alter table message add column erased_at timestamp with time zone;

-- The woman asked for a person ("gặp cán bộ"): the case waits for an officer, whatever the bot could answer.
alter table help_case add column person_requested_at timestamp with time zone;
-- The retention job purged the case's content (after its closure, by sensitivity).
alter table help_case add column content_purged_at timestamp with time zone;
create index help_case_by_closure on help_case (status, closed_at);

-- Hours of the day (Asia/Ho_Chi_Minh) when the contact accepts replies ("only reply between 9 and 11");
-- null when any time is safe. Urgent answers are never held.
alter table contact add column safe_from_hour smallint;
alter table contact add column safe_to_hour smallint;
-- She asked for her conversation to be erased at this time.
alter table contact add column erased_at timestamp with time zone;
