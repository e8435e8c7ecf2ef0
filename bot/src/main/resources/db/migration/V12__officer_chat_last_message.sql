-- When an officer last wrote from their linked chat. Zalo lets the OA write to a user (and so alert an officer)
-- only within 7 days of that user's last message to the OA: the officer's page shows it, and warns when older.
-- Portable between PostgreSQL and H2 in PostgreSQL mode.
alter table officer_chat add column last_message_at timestamp with time zone;
