create table widget (id uuid primary key, title varchar(200) not null);
create table pilot_seen (pilot_id uuid primary key, title varchar(300) not null, deliveries int not null);
