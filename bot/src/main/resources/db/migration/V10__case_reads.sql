-- What each officer has read of each case: the inbox marks a case unread when a message came after it.
create table case_read (
    account_id               bigint       not null references account (id),
    case_id                  bigint       not null references help_case (id),
    last_message_id          bigint       not null,
    read_at                  timestamp with time zone not null,
    primary key (account_id, case_id)
);
