-- Sessions of an account that began before this time end at their next request. Set when the account is disabled,
-- its roles change or its password is reset: a dismissed officer, or whoever holds her lost phone, keeps nothing.
alter table account add column sessions_valid_from timestamp with time zone;
