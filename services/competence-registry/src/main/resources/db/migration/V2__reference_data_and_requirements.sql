-- Reference data as loaded from the shared model's versioned files; the fingerprint tells a changed row from an
-- unchanged one, so loading the same files twice emits nothing.
create table personnel_group (
    code              varchar(40) primary key,
    definition        jsonb       not null,
    fingerprint       char(64)    not null,
    code_list_version varchar(40) not null,
    updated_at        timestamptz not null
);

create table competence (
    code              varchar(60) primary key,
    definition        jsonb       not null,
    fingerprint       char(64)    not null,
    code_list_version varchar(40) not null,
    updated_at        timestamptz not null
);

-- Role-level competence requirements of task-sharing models, learnt from the models topic.
create table model_requirement (
    model_id     uuid         not null,
    version      int          not null,
    name         varchar(300) not null,
    to_groups    jsonb        not null,
    requirements jsonb        not null,
    primary key (model_id, version)
);
