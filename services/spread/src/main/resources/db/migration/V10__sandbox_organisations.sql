-- Test or probe organisations (from organisation.changed): their records are left out of the figures and of other
-- organisations' feeds unless a filter asks for them.
alter table organisation add column sandbox boolean not null default false;
create index organisation_sandbox on organisation (orgnr) where sandbox;
