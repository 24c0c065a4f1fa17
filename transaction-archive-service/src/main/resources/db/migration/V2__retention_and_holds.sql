-- Retention per order (Art. 16: at least 3 years from completion; LEGAL.md A-1 "Decide"):
-- completion_time is the latest EVENT_COMPLETED / EVENT_AFTER_SALES_CLOSED, after_sales_time the latest
-- return, refund or after-sales event; retain_until = max(both) + the configured years once completed,
-- NULL (kept) while not. Purging erases payload and salt and keeps every leaf hash.
CREATE TABLE archive_orders (
    order_id         VARCHAR(64)  NOT NULL,
    completion_time  DATETIME(6)  NULL,
    after_sales_time DATETIME(6)  NULL,
    retain_until     DATETIME(6)  NULL,
    purge_time       DATETIME(6)  NULL,
    PRIMARY KEY (order_id),
    KEY ix_orders_retain_until (retain_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE archive_legal_holds (
    seq            BIGINT       NOT NULL AUTO_INCREMENT,
    resource_id    CHAR(36)     NOT NULL,
    order_id       VARCHAR(64)  NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    case_reference VARCHAR(128) NOT NULL,
    place_time     DATETIME(6)  NOT NULL,
    release_time   DATETIME(6)  NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_legal_holds_resource_id (resource_id),
    KEY ix_legal_holds_order (order_id, release_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
