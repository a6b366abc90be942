-- A task (oppgave) as the catalogue describes it; the six-step assessment and models come with their issue.
create table task (
    id                 uuid primary key,
    title              varchar(300) not null,
    performed_by_group varchar(40)  not null,
    described_by_orgnr char(9)      not null,
    described_at       timestamptz  not null
);
