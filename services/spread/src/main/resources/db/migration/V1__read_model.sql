-- Read models built from events only; rebuildable by replaying the topics.
create table pilot_summary (
    pilot_id      uuid primary key,
    title         varchar(300) not null,
    owner_orgnr   char(9)      not null,
    status        varchar(20)  not null,
    registered_at timestamptz  not null
);

-- Kept apart from pilot_summary: the two topics are not ordered against each other.
create table evaluation_summary (
    evaluation_id   uuid primary key,
    pilot_id        uuid        not null,
    evaluator_orgnr char(9)     not null,
    design          varchar(30) not null,
    drafted_at      timestamptz not null
);
create index evaluation_summary_pilot on evaluation_summary (pilot_id);
