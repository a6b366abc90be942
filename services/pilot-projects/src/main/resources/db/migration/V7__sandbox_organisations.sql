-- A test or probe organisation: its records stay out of the programme's figures and other organisations' feeds.
alter table organisation_version add column sandbox boolean not null default false;
