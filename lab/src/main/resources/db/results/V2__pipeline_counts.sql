
-- Version 2. Throttles and redeliveries, counted per second: a throttle-bound run makes
-- thousands a second, far too many for one row each.
create table if not exists pipeline_counts (
  run_id  text,
  second  timestamptz,
  kind    text,
  count   bigint
);
create index if not exists pipeline_counts_run_id on pipeline_counts (run_id, second);

-- Rows saved one per throttle or redelivery by version 1 become counts, so every reader finds
-- them in one place. Running this again finds none left to move.
insert into pipeline_counts (run_id, second, kind, count)
  select run_id, date_trunc('second', at), kind, count(*)
  from pipeline_events
  where kind in ('THROTTLE', 'REDELIVERY')
  group by run_id, date_trunc('second', at), kind;
delete from pipeline_events where kind in ('THROTTLE', 'REDELIVERY');
