-- Keys are forgotten after youfu.approval.idempotency-retention; the hourly purge finds them by age.
CREATE INDEX idempotency_key_created_at ON approval.idempotency_key (created_at);
