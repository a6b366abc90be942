-- The evidence rule counts only evaluations of pilots that ran (RUNNING or COMPLETED when the evaluation was published).
alter table evaluation add column pilot_status_at_publication varchar(20);
