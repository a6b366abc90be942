-- Where a pilot's record comes from (documents and lines), carried to its event and spread's view.
alter table pilot add column sources jsonb not null default '[]';
