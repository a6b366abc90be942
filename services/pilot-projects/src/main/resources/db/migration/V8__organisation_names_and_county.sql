-- Municipalities from Statistics Norway's classification: the official Sami or Kven name beside the Norwegian one,
-- and the county (fylke) number.
alter table organisation_version add column name_other varchar(300);
alter table organisation_version add column county char(2);
create index organisation_version_current on organisation_version (code) where valid_to is null;
