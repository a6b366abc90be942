-- Owned by the service runtime library; every service migrates it into its own schema.

-- Transactional outbox. The first six columns are Debezium's outbox shape, so a later switch to CDC is config.
create table outbox_event (
    id            uuid primary key,
    aggregatetype varchar(100) not null,
    aggregateid   varchar(100) not null,
    type          varchar(200) not null,
    timestamp     timestamptz  not null,
    payload       jsonb        not null,
    -- relay bookkeeping: publication order, destination, and when Kafka acknowledged it
    seq           bigserial    not null,
    topic         varchar(200) not null,
    source        varchar(200) not null,
    sent_at       timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- Idempotent consumers: an event id recorded here has had its effect, in the same transaction.
create table inbox_event (
    consumer     varchar(100) not null,
    event_id     varchar(200) not null,
    event_type   varchar(200),
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
