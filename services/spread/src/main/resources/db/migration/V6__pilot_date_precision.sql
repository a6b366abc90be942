-- How exactly each of a pilot's dates is known (DAY, MONTH, YEAR) and where it comes from, from its status events.
alter table pilot add column started_precision varchar(10);
alter table pilot add column started_source text;
alter table pilot add column completed_precision varchar(10);
alter table pilot add column completed_source text;
alter table pilot add column abandoned_precision varchar(10);
alter table pilot add column abandoned_source text;
