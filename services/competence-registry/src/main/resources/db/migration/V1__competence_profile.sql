-- Aggregate competence profile: how many staff of one personnel group in one unit hold a competence.
-- Deliberately no column for a person: no name, national id or HPR number.
create table competence_profile (
    id                uuid primary key,
    orgnr             char(9)      not null,
    organisation_unit varchar(200) not null,
    personnel_group   varchar(40)  not null,
    competence        varchar(200) not null,
    headcount         int          not null check (headcount >= 0),
    counted_on        date         not null,
    unique (orgnr, organisation_unit, personnel_group, competence, counted_on)
);
