-- W3C trace context of the work that recorded the event (null when none): published as the CloudEvents
-- distributed-tracing extension (ce_traceparent), so consumers continue the trace.
alter table outbox_event add column traceparent varchar(128);
