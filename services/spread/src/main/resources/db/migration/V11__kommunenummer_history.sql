-- Every kommunenummer an organisation has had (3029 and 3222 for Lørenskog): a subscription by either number gets its
-- records, whichever number was in force when they were registered.
create table organisation_kommunenummer (
    code          varchar(80) not null,
    kommunenummer char(4)     not null,
    primary key (code, kommunenummer)
);
create index organisation_kommunenummer_number on organisation_kommunenummer (kommunenummer);
