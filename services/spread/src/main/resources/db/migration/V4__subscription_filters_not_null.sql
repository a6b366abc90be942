-- A subscription saved with "filters": null (or without filters) was stored as the JSON value null and failed the
-- fan-out of every event for every subscriber. Filters are now always an object ({} = any), and a subscription that
-- cannot be evaluated is skipped and marked on its own record instead of failing the event.
update subscription set filters = '{}'::jsonb where filters is null or jsonb_typeof(filters) <> 'object';
alter table subscription add constraint subscription_filters_object check (jsonb_typeof(filters) = 'object');
alter table subscription add column evaluation_error text;
alter table subscription add column evaluation_error_at timestamptz;
