-- Organisations with validity periods: names, numbers and parents change (municipal reforms 2020, 2024).
create table organisation_version (
    id            bigserial primary key,
    code          varchar(60)  not null,
    kind          varchar(40)  not null,
    name          varchar(300) not null,
    orgnr         char(9),
    resh          varchar(20),
    kommunenummer char(4),
    parent        varchar(60),
    valid_from    date,
    valid_to      date,
    source        text,
    fingerprint   char(64)     not null
);
create index organisation_version_code on organisation_version (code);
create index organisation_version_orgnr on organisation_version (orgnr);

create table partnership (
    code              varchar(60) primary key,
    name              varchar(300) not null,
    region            varchar(60)  not null,
    hospital_trusts   jsonb        not null,
    municipality_count int,
    status            varchar(40)  not null,
    priority_groups   jsonb        not null,
    governance_bodies jsonb        not null,
    source            text,
    fingerprint       char(64)     not null
);

create table membership (
    id           bigserial primary key,
    partnership  varchar(60) not null references partnership (code),
    organisation varchar(60) not null,
    role         varchar(40) not null,
    valid_from   date,
    valid_to     date,
    source       text
);
create index membership_organisation on membership (organisation);

-- The task catalogue's model versions, kept from its events so that registration never calls it.
create table known_model_version (
    model_id   uuid        not null,
    version    int         not null,
    name       varchar(300) not null,
    task_ids   jsonb       not null,
    from_groups jsonb      not null,
    to_groups  jsonb       not null,
    lifecycle  varchar(20) not null,
    primary key (model_id, version)
);

alter table pilot
    add column model_id uuid,
    add column model_version int,
    add column task_ids jsonb not null default '[]',
    add column from_groups jsonb not null default '[]',
    add column to_groups jsonb not null default '[]',
    add column partnership varchar(60),
    add column priority_groups jsonb not null default '[]',
    add column settings jsonb not null default '[]',
    add column sites jsonb not null default '[]',
    add column planned_start date,
    add column planned_end date,
    add column started_on date,
    add column ended_on date,
    add column staffing jsonb not null default '[]',
    add column funding jsonb not null default '[]',
    add column preconditions jsonb not null default '[]',
    add column forsvarlighet_assessment text,
    add column baseline_plan text,
    add column derived_from_pilot uuid,
    add column adaptations jsonb not null default '[]',
    add column abandon_reason varchar(40),
    add column abandon_text text;
create index pilot_partnership on pilot (partnership);
create index pilot_model on pilot (model_id, model_version);

-- Partners, not parties: each partner answers for itself.
create table pilot_partner (
    pilot_id     uuid        not null references pilot (id),
    orgnr        char(9)     not null,
    answer       varchar(20) not null check (answer in ('INVITED', 'CONFIRMED', 'DECLINED')),
    comment      text,
    answered_at  timestamptz,
    primary key (pilot_id, orgnr)
);

-- Adoption of a model version by an organisation: the spread record.
create table adoption (
    id                      uuid primary key,
    model_id                uuid        not null,
    model_version           int         not null,
    adopter_orgnr           char(9)     not null,
    learned_from_pilot      uuid,
    learned_from_evaluation uuid,
    status                  varchar(20) not null check (status in ('DECLARED', 'COMPLETED', 'ABANDONED')),
    reason                  varchar(40),
    reason_text             text,
    declared_at             timestamptz not null,
    changed_at              timestamptz not null
);
create index adoption_model on adoption (model_id);
