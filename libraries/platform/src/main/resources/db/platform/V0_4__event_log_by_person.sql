-- A person's history (GET /api/v1/certificants/{id}/history in every service): their events in log order. The
-- partition key is the person an event is about (the Kafka key), whatever stream it belongs to, so one index serves
-- a person's events across all their aggregates (the ledger's and the renewal's person streams, the audit-service's
-- audits and the draws of the person's renewals in the sampling pools).
create index event_log_by_person on event_log (partition_key, position);
