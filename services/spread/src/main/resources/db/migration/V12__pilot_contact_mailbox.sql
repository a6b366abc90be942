-- whom to ask about a pilot: a role mailbox (funksjonsadresse), never a person
alter table pilot add column contact_mailbox varchar(254);
