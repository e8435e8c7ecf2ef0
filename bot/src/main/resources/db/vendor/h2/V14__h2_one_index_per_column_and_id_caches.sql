-- The embedded default (H2) only; PostgreSQL does not read this folder.
--
-- H2 gives every foreign key an index of its own when the table is created, so message and help_case each carried a
-- second index on the same leading column. An H2 update writes a row's entry in every index of its table again, and a
-- message row is written three times on its way (accepted, processed, and its answer inserted): each extra index was
-- paid for on every message. The foreign keys' own indexes on message (contact_id) and (case_id) now serve the
-- lookups of a woman's or a case's messages: H2 reads all of her (or the case's) messages and sorts them by id, where
-- the two-column indexes could start from an id (a few hundred rows per woman; checked with EXPLAIN ANALYZE on
-- 400,000 messages). A woman's open case is found among her few cases by the one on help_case (contact_id).
drop index message_by_contact;
drop index message_by_case;
drop index help_case_open_by_contact;

-- H2 writes a sequence's position to disk, in a commit of its own, each time its cache of ids runs out (32 by
-- default): with every commit written before the hotline answers, that was an extra disk write every 16 messages.
-- After a crash the next ids start above the cached ones, so ids keep their order; only a gap is left.
alter table message alter column id set cache 1000;
alter table contact alter column id set cache 1000;
alter table help_case alter column id set cache 1000;
alter table case_audit alter column id set cache 1000;
alter table urgent_alert alter column id set cache 1000;
alter table urgent_alert_send alter column id set cache 1000;
