-- A transfer's reason is written by an officer about the woman ("chị bị thương, cần khám"): sealed like her messages
-- and the notes from now on, so it needs the room of a sealed text.
alter table case_transfer alter column reason set data type text;
