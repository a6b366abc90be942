-- A model version's own competence requirements (role level: competence, receiving group, minimum headcount), as
-- model.published carries them: what a model page's "will it work here?" is measured against.
alter table model_version add column competence_requirements jsonb not null default '[]';
