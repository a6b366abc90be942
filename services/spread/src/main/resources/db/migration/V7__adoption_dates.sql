-- How exactly each adoption date is known; the *_at columns hold when it happened (midnight Oslo time of that day)
-- when the event says, otherwise when it was recorded.
alter table adoption add column declared_precision varchar(10);
alter table adoption add column completed_precision varchar(10);
alter table adoption add column abandoned_precision varchar(10);
