-- Cases closed within a period, as help_case_resolved serves those resolved: the report and its roll-up ask both.
create index help_case_closed on help_case (closed_at);
