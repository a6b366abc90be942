-- Pilot (pilotprosjekt): a task-sharing trial owned by one hospital trust or municipality.
create table pilot (
    id            uuid primary key,
    title         varchar(300) not null,
    owner_orgnr   char(9)      not null,
    status        varchar(20)  not null check (status in ('PLANNED', 'RUNNING', 'COMPLETED', 'ABANDONED')),
    registered_at timestamptz  not null
);
create index pilot_owner on pilot (owner_orgnr);
