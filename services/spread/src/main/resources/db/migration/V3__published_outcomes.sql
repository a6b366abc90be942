-- The outcomes of a published evaluation as its event carries them (numbers or statements, each with its source).
alter table evaluation add column outcomes jsonb not null default '[]';
