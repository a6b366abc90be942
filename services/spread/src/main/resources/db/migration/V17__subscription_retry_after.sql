-- A receiver that fails is not sent anything else until its next retry: the time is kept here (set by a failed
-- attempt, cleared by a success or a resume), new deliveries are scheduled no earlier, and the heads already due are
-- pushed to it. Before, each of a dead endpoint's queues was retried on its own schedule, so a receiver down with
-- 100,000 queues took about 28 failing attempts a second from the senders everyone shares.
alter table subscription add column retry_after timestamptz;
