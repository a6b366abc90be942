-- When an evaluation's report was published (from its event; null when the source does not say), and how exactly.
alter table evaluation add column report_published_on date;
alter table evaluation add column report_published_precision varchar(10);
alter table evaluation add column report_published_source text;
