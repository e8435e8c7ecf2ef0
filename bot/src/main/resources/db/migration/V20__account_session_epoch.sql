-- Sessions of an account end when its epoch moves past the one they began with: a number, not a time, so that two
-- nodes whose clocks differ agree on which sessions are over. sessions_valid_from (V15) is no longer read; it stays
-- for nodes of the previous version during an upgrade.
alter table account add column session_epoch integer default 0 not null;
