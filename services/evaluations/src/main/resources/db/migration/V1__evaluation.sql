-- Pilots this service has learnt of from the pilots topic (its own copy; it never reads pilot-projects' schema).
create table known_pilot (
    pilot_id      uuid primary key,
    title         varchar(300) not null,
    owner_orgnr   char(9)      not null,
    registered_at timestamptz  not null
);

-- Evaluation of a pilot; outcomes and publishing come with the evaluations issue.
create table evaluation (
    id              uuid primary key,
    pilot_id        uuid         not null references known_pilot (pilot_id),
    evaluator_orgnr char(9)      not null,
    design          varchar(30)  not null,
    status          varchar(20)  not null,
    drafted_at      timestamptz  not null
);
