-- A webhook delivery may be sent only when it is the oldest undelivered one of its queue (same subscription, same
-- ordering key: one pilot, model or adoption) and its subscription is active with a webhook. `ready` marks exactly
-- those rows, kept up to date by every change to a queue or a subscription, so the dispatcher's claim reads only
-- due ready rows through a small index. Before, it walked every pending delivery in sequence order and tested each:
-- one dead receiver's backlog (21,842 pending) made each claim read some 19,000 index tuples, for everyone.
alter table delivery add column ready boolean not null default false;

update delivery d set ready = true
from subscription s
where s.id = d.subscription_id and d.state = 'PENDING' and s.status = 'ACTIVE' and s.webhook_url is not null
  and not exists (select 1 from delivery e where e.subscription_id = d.subscription_id
                  and e.ordering_key = d.ordering_key and e.state = 'PENDING' and e.item_seq < d.item_seq);

create index delivery_ready on delivery (next_attempt_at) where ready;
drop index delivery_pending;
-- the next head of a queue once its head is delivered (instead of an index over delivered rows too)
create index delivery_queue on delivery (subscription_id, ordering_key, item_seq) where state = 'PENDING';
drop index delivery_order;
