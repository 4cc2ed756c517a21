-- reportpipe.analytics in ClickHouse: a Kafka engine table reads the topic
-- as JSONEachRow, a materialized view moves each block into a
-- ReplacingMergeTree keyed by measure_id (re-delivered measures collapse to
-- the newest row at merge time; query with FINAL for exact answers), and
-- rows ClickHouse cannot parse land in analytics_errors instead of stopping
-- the consumer. Columns follow docs/schemas/analytics.schema.json.
--
-- Versioning: fields are only ever added. input_format_skip_unknown_fields
-- lets this consumer keep working when the sink adds one; to keep the new
-- field, see README.md ("Adding a field in ClickHouse").

CREATE DATABASE IF NOT EXISTS reportpipe;

-- 1. The consumer. Only reads; holds no data.
CREATE TABLE IF NOT EXISTS reportpipe.analytics_queue
(
    schema_version  UInt32,
    measure_id      String,
    document_id     String,
    source_url      Nullable(String),
    doc_title       Nullable(String),
    published       Nullable(String),
    doc_source      Nullable(String),
    value           Float64,
    unit            String,
    unit_kind       Nullable(String),
    approx          String,
    metric          Nullable(String),
    subject         Nullable(String),
    region          Nullable(String),
    period          Nullable(String),
    text            String,
    optional        Bool,
    span_start      Nullable(Int64),
    span_end        Nullable(Int64),
    parser_version  Nullable(String),
    sink_version    String,
    ingested_at     String
)
ENGINE = Kafka
SETTINGS
    kafka_broker_list = 'kafka:9092',
    kafka_topic_list = 'reportpipe.analytics',
    kafka_group_name = 'clickhouse-reportpipe-analytics',
    kafka_format = 'JSONEachRow',
    kafka_num_consumers = 1,
    kafka_handle_error_mode = 'stream',
    input_format_skip_unknown_fields = 1;

-- 2. The table BI queries.
CREATE TABLE IF NOT EXISTS reportpipe.analytics
(
    measure_id      String,
    schema_version  UInt32,
    document_id     String,
    source_url      Nullable(String),
    doc_title       Nullable(String),
    published       Nullable(Date),
    doc_source      Nullable(String),
    value           Float64,
    unit            LowCardinality(String),
    unit_kind       LowCardinality(Nullable(String)),
    approx          LowCardinality(String),
    metric          LowCardinality(Nullable(String)),
    subject         Nullable(String),
    region          LowCardinality(Nullable(String)),
    period          Nullable(String),
    text            String,
    optional        Bool,
    span_start      Nullable(Int64),
    span_end        Nullable(Int64),
    parser_version  LowCardinality(Nullable(String)),
    sink_version    LowCardinality(String),
    ingested_at     DateTime64(3, 'UTC'),
    -- where the row came from, for audits and replays
    kafka_partition UInt32,
    kafka_offset    UInt64
)
-- The newest ingested_at wins among rows with the same measure_id. No
-- PARTITION BY: duplicates only collapse within one partition, and the
-- copies of a measure can be ingested months apart.
ENGINE = ReplacingMergeTree(ingested_at)
ORDER BY measure_id;

-- 3. Rows the queue could not parse (kafka_handle_error_mode = 'stream').
CREATE TABLE IF NOT EXISTS reportpipe.analytics_errors
(
    received_at     DateTime DEFAULT now(),
    kafka_partition UInt32,
    kafka_offset    UInt64,
    error           String,
    raw_message     String
)
ENGINE = MergeTree
ORDER BY (received_at, kafka_partition, kafka_offset)
TTL received_at + INTERVAL 30 DAY;

-- 4. The pumps between them.
CREATE MATERIALIZED VIEW IF NOT EXISTS reportpipe.analytics_mv
TO reportpipe.analytics AS
SELECT
    measure_id,
    schema_version,
    document_id,
    source_url,
    doc_title,
    toDateOrNull(published) AS published,
    doc_source,
    value,
    unit,
    unit_kind,
    approx,
    metric,
    subject,
    region,
    period,
    text,
    optional,
    span_start,
    span_end,
    parser_version,
    sink_version,
    parseDateTime64BestEffort(ingested_at, 3, 'UTC') AS ingested_at,
    _partition AS kafka_partition,
    _offset AS kafka_offset
FROM reportpipe.analytics_queue
WHERE length(_error) = 0;

CREATE MATERIALIZED VIEW IF NOT EXISTS reportpipe.analytics_errors_mv
TO reportpipe.analytics_errors AS
SELECT
    _partition AS kafka_partition,
    _offset AS kafka_offset,
    _error AS error,
    _raw_message AS raw_message
FROM reportpipe.analytics_queue
WHERE length(_error) > 0;

-- Example: firm measures per region and metric.
--   SELECT region, metric, unit, count() AS measures, sum(value) AS total
--   FROM reportpipe.analytics FINAL
--   WHERE NOT optional
--   GROUP BY region, metric, unit
--   ORDER BY measures DESC;
