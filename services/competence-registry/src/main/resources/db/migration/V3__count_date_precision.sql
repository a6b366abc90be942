-- A count from a report is often dated only to the year or month; it is stored as the first day and says so.
alter table competence_profile add column counted_on_precision varchar(10) not null default 'DAY';
