-- A start or end known only to the month or year (records from reports) keeps that precision and its source, so
-- "in 2019" never reads as a precise day.
alter table pilot add column started_precision varchar(10);
alter table pilot add column started_source text;
alter table pilot add column ended_precision varchar(10);
alter table pilot add column ended_source text;
update pilot set started_precision = 'DAY' where started_on is not null;
update pilot set ended_precision = 'DAY' where ended_on is not null;
