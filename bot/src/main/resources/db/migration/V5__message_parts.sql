-- A reply longer than its channel allows goes out as several messages. Each part sent is recorded, so a retry
-- after a failure half-way sends only the rest, and the platform's delivery and seen reports (which name the
-- part's own id) find their reply. OUT messages may now also be DELIVERED and SEEN (reported by the platform).
create table message_part (
    message_id               bigint       not null references message (id),
    part_no                  integer      not null,
    channel                  varchar(20)  not null,
    channel_message_id       varchar(200),
    sent_at                  timestamp with time zone not null,
    primary key (message_id, part_no)
);
create index message_part_by_channel_id on message_part (channel, channel_message_id);

-- Whether the contact follows the hotline's account (Zalo follow/unfollow); null when the channel does not say.
alter table contact add column following boolean;
alter table contact add column following_changed_at timestamp with time zone;
