-- When the report itself was published, how exactly its source dates it and where it says so; figures use it rather
-- than the moment it was entered (historical reports loaded today were dated today).
alter table evaluation add column report_published_on date;
alter table evaluation add column report_published_precision varchar(10);
alter table evaluation add column report_published_source text;
alter table evaluation add column report_published_unknown boolean not null default false;
