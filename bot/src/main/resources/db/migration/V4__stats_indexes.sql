-- The statistics read cases by when they were opened and messages by when they came in.
create index help_case_opened on help_case (opened_at);
create index help_case_resolved on help_case (resolved_at);
create index message_created on message (created_at, direction);
