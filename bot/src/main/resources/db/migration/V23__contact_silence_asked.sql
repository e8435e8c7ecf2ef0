-- When she last asked not to be written to ("đừng nhắn lại"): someone may be beside her. The officer sees it above
-- the reply box until she writes again.
alter table contact add column silence_asked_at timestamp with time zone;
