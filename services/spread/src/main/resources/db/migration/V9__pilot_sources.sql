-- Where a pilot's record comes from (documents and lines), from pilot.registered.
alter table pilot add column sources jsonb not null default '[]';
