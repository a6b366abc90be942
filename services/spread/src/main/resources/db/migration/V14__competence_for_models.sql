-- What a model's tasks require (from task.assessed) and what each organisation has recorded it holds (aggregate
-- headcounts per personnel group and competence, from competence-profile.recorded; never a person): together they
-- answer "will this model work here?" on a model's page.
alter table task add column required_competences jsonb not null default '[]';

create table competence_profile (
    profile_id        uuid primary key,
    orgnr             char(9)      not null,
    organisation_unit varchar(300),
    personnel_group   varchar(80)  not null,
    competence        varchar(80)  not null,
    headcount         int          not null,
    counted_on        date
);
create index competence_profile_org on competence_profile (orgnr, competence);
