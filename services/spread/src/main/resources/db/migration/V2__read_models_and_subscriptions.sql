-- Read models: built only from the topics, rebuildable by replaying them (RebuildService). Anything derived from
-- two aggregates is joined at query time, so the result does not depend on the order the topics are read in.
drop table evaluation_summary;
drop table pilot_summary;

create table organisation (
    code          varchar(80) primary key,
    kind          varchar(40)  not null,
    name          varchar(300) not null,
    orgnr         char(9),
    kommunenummer char(4),
    parent        varchar(80),
    valid_from    date,
    valid_to      date
);
create index organisation_orgnr on organisation (orgnr);

create table partnership (
    code            varchar(80) primary key,
    name            varchar(300) not null,
    region          varchar(80),
    status          varchar(30),
    hospital_trusts jsonb not null,
    priority_groups jsonb not null,
    members         jsonb not null
);

create table task (
    task_id            uuid primary key,
    name               varchar(300),
    category           varchar(60),
    sharing_directions jsonb not null default '[]'
);

create table model_version (
    model_id     uuid not null,
    version      int  not null,
    name         varchar(300),
    model_type   varchar(60),
    lifecycle    varchar(30),
    from_groups  jsonb not null default '[]',
    to_groups    jsonb not null default '[]',
    task_ids     jsonb not null default '[]',
    published_by char(9),
    published_at timestamptz,
    proven_at    timestamptz,
    primary key (model_id, version)
);

create table pilot (
    pilot_id           uuid primary key,
    title              varchar(300),
    owner_orgnr        char(9),
    status             varchar(20),
    partnership        varchar(80),
    priority_groups    jsonb not null default '[]',
    settings           jsonb not null default '[]',
    from_groups        jsonb not null default '[]',
    to_groups          jsonb not null default '[]',
    task_ids           jsonb not null default '[]',
    partner_orgnrs     jsonb not null default '[]',
    partner_answers    jsonb not null default '{}',
    model_id           uuid,
    model_version      int,
    derived_from       uuid,
    registered_at      timestamptz,
    started_on         date,
    completed_on       date,
    abandoned_on       date,
    abandonment_reason varchar(60),
    overdue_since      date
);
create index pilot_partnership on pilot (partnership);

create table evaluation (
    evaluation_id      uuid primary key,
    pilot_id           uuid not null,
    evaluator_orgnr    char(9),
    design             varchar(40),
    drafted_at         timestamptz,
    published_at       timestamptz,
    recommendation     varchar(40),
    evidence_level     varchar(40),
    model_id           uuid,
    model_version      int,
    outcome_dimensions jsonb not null default '[]',
    freed_time         jsonb not null default '[]'
);
create index evaluation_pilot on evaluation (pilot_id);

create table adoption (
    adoption_id        uuid primary key,
    model_id           uuid not null,
    model_version      int  not null,
    adopter_orgnr      char(9) not null,
    learned_from_pilot uuid,
    status             varchar(20) not null,
    declared_at        timestamptz,
    completed_at       timestamptz,
    abandoned_at       timestamptz,
    reason             varchar(60)
);
create index adoption_model on adoption (model_id);

-- How many events the read models have applied (shown on the dashboard; equal after a rebuild).
create table read_model_state (
    id             int primary key,
    events_applied bigint not null,
    last_event_at  timestamptz
);
insert into read_model_state values (1, 0, null);

-- The outgoing feed: one item per event that subscribers may receive. seq is the SSE id and the feed order;
-- items are inserted under one advisory lock, so seq order is commit order and a reader never skips one.
-- Not a read model: a rebuild keeps it, so nothing is delivered twice.
create table feed_item (
    seq          bigserial primary key,
    event_id     varchar(200) not null unique,
    type         varchar(200) not null,
    subject      varchar(200),
    ordering_key varchar(100) not null,
    occurred_at  timestamptz  not null,
    attributes   jsonb        not null,
    body         jsonb        not null
);
create index feed_item_occurred on feed_item (occurred_at);

create table subscription (
    id            uuid primary key,
    owner_orgnr   char(9)      not null,
    name          varchar(200) not null,
    filters       jsonb        not null,
    webhook_url   varchar(2000),
    status        varchar(20)  not null,
    paused_reason text,
    paused_at     timestamptz,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
create index subscription_owner on subscription (owner_orgnr);

-- Several secrets are valid during a rotation; each delivery is signed with every one not yet expired.
create table subscription_secret (
    subscription_id uuid         not null references subscription on delete cascade,
    secret          varchar(120) not null,
    created_at      timestamptz  not null,
    expires_at      timestamptz,
    primary key (subscription_id, secret)
);

-- One row per (subscription, feed item) that matched: the subscription's own stream and feed, and for a webhook
-- its delivery state. A retry reuses webhook_id. state: PENDING, DELIVERED, or NONE (no webhook).
create table delivery (
    id               bigserial primary key,
    subscription_id  uuid         not null references subscription on delete cascade,
    item_seq         bigint       not null references feed_item,
    webhook_id       varchar(60)  not null unique,
    ordering_key     varchar(100) not null,
    state            varchar(20)  not null,
    attempts         int          not null default 0,
    next_attempt_at  timestamptz,
    first_failure_at timestamptz,
    last_status      int,
    last_error       text,
    delivered_at     timestamptz,
    lease_until      timestamptz,
    unique (subscription_id, item_seq)
);
create index delivery_pending on delivery (next_attempt_at) where state = 'PENDING';
create index delivery_order on delivery (subscription_id, ordering_key, item_seq);
create index delivery_item on delivery (item_seq);

create table delivery_attempt (
    id              bigserial primary key,
    delivery_id     bigint      not null references delivery on delete cascade,
    subscription_id uuid        not null,
    attempt         int         not null,
    attempted_at    timestamptz not null,
    status_code     int,
    latency_ms      int,
    error           text,
    replay          boolean     not null default false
);
create index delivery_attempt_subscription on delivery_attempt (subscription_id, attempted_at desc);
