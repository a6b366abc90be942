-- When an adoption's latest change happened, as exactly as its source gives it (recorded-at is changed_at).
alter table adoption add column occurred_on date;
alter table adoption add column date_precision varchar(10);
alter table adoption add column date_source text;
update adoption set occurred_on = (changed_at at time zone 'Europe/Oslo')::date, date_precision = 'DAY';
