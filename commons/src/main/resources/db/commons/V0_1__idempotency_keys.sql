-- Shared by every service (commons). Service migrations start at V1.
CREATE TABLE idempotency_keys (
    idempotency_key VARCHAR(200) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    result          VARCHAR(255) NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (idempotency_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
