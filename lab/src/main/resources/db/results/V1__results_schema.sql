-- The results schema as of version 1. Written with "if not exists" because a database created
-- before migrations existed (by "create table if not exists", possibly without the newer
-- completed_at column and pipeline_events table) is baselined at version 0 and upgraded by this
-- script in place, keeping its rows.

-- One row per event the downstream accepted: the original experiments' table, plus completed_at
-- (a completion ends "time taken").
create table if not exists invocations (
  run_id       text,
  id           integer,
  sent_at      timestamptz,
  started_at   timestamptz,
  group_id     text,
  batch_id     text,
  cache_id     text,
  created_at   timestamptz default now()
);
-- Apart, so that an old table gains it too.
alter table invocations add column if not exists completed_at timestamptz;

-- One row per run; summary holds the metrics JSON once the run is over.
create table if not exists runs (
  run_id           text primary key,
  scenario         text,
  mode             text,
  configuration    jsonb,
  started_at       timestamptz,
  ended_at         timestamptz,
  total_events     bigint,
  limit_per_second integer,
  memory_mb        integer,
  request_counts   jsonb,
  summary          jsonb
);

-- What the pipeline did besides calling the downstream (invokes, throttles, DLQ arrivals...).
create table if not exists pipeline_events (
  run_id      text,
  at          timestamptz,
  kind        text,
  event_id    bigint,
  batch_id    text,
  cache_id    text,
  duration_ms bigint,
  batch_size  integer
);

-- Every query of the metrics, the reports and the dashboards selects one run.
create index if not exists invocations_run_id on invocations (run_id, started_at);
create index if not exists pipeline_events_run_id on pipeline_events (run_id, at);
