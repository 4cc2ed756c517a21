-- reportpipe.analytics rows in PostgreSQL (15+): one row per measure_id.
--
-- Columns follow docs/schemas/analytics.schema.json, the contract of the
-- topic. Loading is an upsert on measure_id, so a redelivered or re-parsed
-- measure replaces its row instead of adding one. The Kafka Connect JDBC
-- sink in kafka-connect-jdbc-postgres.json writes this table; for a one-off
-- load of JSON lines see README.md ("Loading a file").
--
-- Versioning: fields are only ever added to the row. A new field becomes a
-- new nullable column (ALTER TABLE ... ADD COLUMN ...); until then loaders
-- ignore it.

CREATE TABLE IF NOT EXISTS analytics (
    measure_id      text             PRIMARY KEY,  -- 32 hex digits, stable per document span
    schema_version  integer          NOT NULL,
    document_id     text             NOT NULL,
    source_url      text,
    doc_title       text,
    published       date,                          -- the document's publish date
    doc_source      text,                          -- publisher named by the document
    value           double precision NOT NULL,     -- multipliers (万, 亿) folded in
    unit            text             NOT NULL,     -- 元, 人, 人次, %, 百分点, ...
    unit_kind       text,                          -- person, money, ratio, ...
    approx          text             NOT NULL DEFAULT '',  -- '', more_than, approx, at_least, at_most
    metric          text,
    subject         text,
    region          text,
    period          text,
    text            text             NOT NULL,     -- surface form in the document
    optional        boolean          NOT NULL DEFAULT false,  -- borderline quantity
    span_start      integer,
    span_end        integer,
    parser_version  text,
    sink_version    text             NOT NULL,
    ingested_at     timestamptz      NOT NULL
);

COMMENT ON TABLE analytics IS
    'reportpipe.analytics rows (docs/schemas/analytics.schema.json), upserted on measure_id';

-- The usual BI cuts: by region and metric, by publish date.
CREATE INDEX IF NOT EXISTS analytics_region_metric ON analytics (region, metric);
CREATE INDEX IF NOT EXISTS analytics_published ON analytics (published);
CREATE INDEX IF NOT EXISTS analytics_document ON analytics (document_id);

-- Measures BI should chart by default: borderline quantities left out.
CREATE OR REPLACE VIEW analytics_firm AS
    SELECT * FROM analytics WHERE NOT optional;
