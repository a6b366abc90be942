-- The pilot as this service knows it from the pilots topic: status, end date, model, partners.
alter table known_pilot
    add column status varchar(20) not null default 'PLANNED',
    add column ended_on date,
    add column model_id uuid,
    add column model_version int,
    add column partners jsonb not null default '[]';

-- An owner commissions an outside evaluator for its pilot.
create table commission (
    pilot_id        uuid        not null references known_pilot (pilot_id),
    evaluator_orgnr char(9)     not null,
    commissioned_at timestamptz not null,
    primary key (pilot_id, evaluator_orgnr)
);

alter table evaluation
    add column evaluator_kind varchar(20),
    add column period_from date,
    add column period_to date,
    add column outcomes jsonb not null default '[]',
    add column adverse_effects jsonb not null default '[]',
    add column evidence_level varchar(40),
    add column re_aim jsonb,
    add column barriers jsonb not null default '[]',
    add column enablers jsonb not null default '[]',
    add column recommendation varchar(30),
    add column freed_time jsonb,
    add column published_at timestamptz,
    add column model_id uuid,
    add column model_version int;

-- A model version proven once by the evidence rule: model.proven is emitted once.
create table proven_model (
    model_id  uuid        not null,
    version   int         not null,
    proven_at timestamptz not null,
    primary key (model_id, version)
);

-- Overdue pilots, recorded so the event is emitted once, across restarts.
create table overdue_pilot (
    pilot_id    uuid primary key,
    detected_at timestamptz not null
);
