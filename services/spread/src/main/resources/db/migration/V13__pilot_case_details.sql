-- the pilot's structured case as pilot.registered carries it (sites, staffing, funding, preconditions, forsvarlighet,
-- baseline plan, adaptations); null for pilots registered before the event carried it
alter table pilot add column details jsonb;
