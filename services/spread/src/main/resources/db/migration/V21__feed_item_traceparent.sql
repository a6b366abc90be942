-- The W3C trace context the event arrived with (ce_traceparent), sent on each webhook request for the item so that
-- one trace runs from the request that caused the event to every delivery of it. Null when the event had none.
alter table feed_item add column traceparent varchar(128);
