-- The foundation's task table is replaced by the full catalogue (nothing depended on it yet).
drop table task;

-- Task (oppgave) with the six-step assessment of NOU 2023:4 (R1).
create table task (
    id                                uuid primary key,
    name_nb                           varchar(300) not null,
    name_en                           varchar(300),
    description                       text,
    category                          varchar(40)  not null,
    settings                          jsonb        not null,
    service_level                     varchar(30),
    current_groups                    jsonb        not null,
    reserved_for                      jsonb        not null,   -- empty: not reserved
    reservation_reason                text,
    reservation_source                text,
    legal_basis                       jsonb        not null,
    risk_level                        varchar(10),
    source_refs                       jsonb        not null,
    volume_amount                     double precision,
    volume_unit                       varchar(30),
    volume_method                     text,
    responsibilities                  text,
    requires_formal_health_competence varchar(20)  not null,
    required_competences              jsonb        not null,   -- [{competence, acceptsActualCompetence}]
    candidate_groups                  jsonb        not null,   -- [{group, conditions[], forsvarlighetJustification}]
    sharing_directions                jsonb        not null,
    assessed_at                       timestamptz,
    owner_orgnr                       char(9)      not null,
    registered_at                     timestamptz  not null,
    search tsvector generated always as (
        to_tsvector('norwegian', coalesce(name_nb, '') || ' ' || coalesce(description, ''))
        || to_tsvector('english', coalesce(name_en, ''))) stored
);
create index task_search on task using gin (search);
create index task_current_groups on task using gin (current_groups);

-- Task-sharing model versions. A version's content never changes; only its lifecycle moves.
create table model_version (
    model_id                    uuid         not null,
    version                     int          not null,
    previous_version            int,
    name                        varchar(300) not null,
    description                 text,
    model_type                  varchar(40)  not null,
    task_ids                    jsonb        not null,
    from_groups                 jsonb        not null,
    to_groups                   jsonb        not null,
    core_components             jsonb        not null,
    adaptable_components        jsonb        not null,
    required_competences        jsonb        not null,
    sign_off_scheme             varchar(60),
    evidence_level              varchar(40)  not null,
    forsvarlighet_justification text,
    source_refs                 jsonb        not null,
    lifecycle                   varchar(20)  not null,
    lifecycle_changed_at        timestamptz  not null,
    owner_orgnr                 char(9)      not null,
    published_at                timestamptz  not null,
    search tsvector generated always as (
        to_tsvector('norwegian', coalesce(name, '') || ' ' || coalesce(description, ''))) stored,
    primary key (model_id, version)
);
create index model_search on model_version using gin (search);
create index model_tasks on model_version using gin (task_ids);
