-- The analytics path (docs/scaling.md §8): ClickHouse reads the services' public topics through its
-- Kafka engine, keeps every CloudEvent once (ReplacingMergeTree on the event id deduplicates the
-- relay's at-least-once delivery) and derives the cube's facts for history beyond PostgreSQL.
-- Brokers and group: adjust kafka_broker_list; one consumer group per ClickHouse cluster.
CREATE DATABASE IF NOT EXISTS collab;

-- One Kafka-engine queue per topic: each message value is a structured-mode CloudEvent (JSON).
CREATE TABLE IF NOT EXISTS collab.intake_queue (raw String)
  ENGINE = Kafka SETTINGS kafka_broker_list = 'kafka:9092', kafka_topic_list = 'collab.intake.events.v1',
  kafka_group_name = 'clickhouse-analytics', kafka_format = 'JSONAsString', kafka_num_consumers = 1;
CREATE TABLE IF NOT EXISTS collab.workflow_queue (raw String)
  ENGINE = Kafka SETTINGS kafka_broker_list = 'kafka:9092', kafka_topic_list = 'collab.workflow.events.v1',
  kafka_group_name = 'clickhouse-analytics', kafka_format = 'JSONAsString', kafka_num_consumers = 1;
CREATE TABLE IF NOT EXISTS collab.knowledge_queue (raw String)
  ENGINE = Kafka SETTINGS kafka_broker_list = 'kafka:9092', kafka_topic_list = 'collab.knowledge.events.v1',
  kafka_group_name = 'clickhouse-analytics', kafka_format = 'JSONAsString', kafka_num_consumers = 1;

-- Every public event once, by id: the envelope's fields as columns, `data` kept as JSON text.
CREATE TABLE IF NOT EXISTS collab.events (
  id String, type LowCardinality(String), source LowCardinality(String), subject String,
  time DateTime64(3, 'UTC'), position UInt64, data String
) ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM(time) ORDER BY (type, time, id);

CREATE MATERIALIZED VIEW IF NOT EXISTS collab.intake_events TO collab.events AS
  SELECT JSONExtractString(raw, 'id') AS id, JSONExtractString(raw, 'type') AS type, JSONExtractString(raw, 'source') AS source,
         JSONExtractString(raw, 'subject') AS subject, parseDateTime64BestEffort(JSONExtractString(raw, 'time'), 3) AS time,
         toUInt64OrZero(JSONExtractString(raw, 'position')) AS position, JSONExtractRaw(raw, 'data') AS data
  FROM collab.intake_queue;
CREATE MATERIALIZED VIEW IF NOT EXISTS collab.workflow_events TO collab.events AS
  SELECT JSONExtractString(raw, 'id') AS id, JSONExtractString(raw, 'type') AS type, JSONExtractString(raw, 'source') AS source,
         JSONExtractString(raw, 'subject') AS subject, parseDateTime64BestEffort(JSONExtractString(raw, 'time'), 3) AS time,
         toUInt64OrZero(JSONExtractString(raw, 'position')) AS position, JSONExtractRaw(raw, 'data') AS data
  FROM collab.workflow_queue;
CREATE MATERIALIZED VIEW IF NOT EXISTS collab.knowledge_events TO collab.events AS
  SELECT JSONExtractString(raw, 'id') AS id, JSONExtractString(raw, 'type') AS type, JSONExtractString(raw, 'source') AS source,
         JSONExtractString(raw, 'subject') AS subject, parseDateTime64BestEffort(JSONExtractString(raw, 'time'), 3) AS time,
         toUInt64OrZero(JSONExtractString(raw, 'position')) AS position, JSONExtractRaw(raw, 'data') AS data
  FROM collab.knowledge_queue;

-- The cube's contacts with their dimensions, as the data service's fact store holds them (CaseOpened v3 carries them all).
CREATE TABLE IF NOT EXISTS collab.contact_facts (
  id String, at DateTime64(3, 'UTC'), case_id String, customer_id String, channel LowCardinality(String),
  audience LowCardinality(String), region LowCardinality(String), province LowCardinality(String), category String,
  request_type LowCardinality(String), priority LowCardinality(String), customer_tier LowCardinality(String), language LowCardinality(String)
) ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM(at) ORDER BY (province, channel, at, id);

CREATE MATERIALIZED VIEW IF NOT EXISTS collab.case_opened_facts TO collab.contact_facts AS
  SELECT id, time AS at, JSONExtractString(data, 'caseId') AS case_id, JSONExtractString(data, 'customerId') AS customer_id,
         JSONExtractString(data, 'channel') AS channel, JSONExtractString(data, 'audience') AS audience, JSONExtractString(data, 'region') AS region,
         splitByChar('-', JSONExtractString(data, 'region'))[1] AS province, JSONExtractString(data, 'category') AS category,
         JSONExtractString(data, 'requestType') AS request_type, JSONExtractString(data, 'priority') AS priority,
         JSONExtractString(data, 'requester', 'tier') AS customer_tier, JSONExtractString(data, 'language') AS language
  FROM collab.events WHERE type LIKE 'collab.intake.CaseOpened.v%';
