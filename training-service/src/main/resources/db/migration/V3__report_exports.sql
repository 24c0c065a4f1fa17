-- Yearly completion reports (Art. 10). Every export is recorded here: who received which year's
-- report, when. Append-only: rows are never updated or deleted.
CREATE TABLE report_exports (
    seq          BIGINT       NOT NULL AUTO_INCREMENT,
    resource_id  CHAR(36)     NOT NULL,
    exported_by  VARCHAR(255) NOT NULL,
    trigger_kind VARCHAR(16)  NOT NULL,
    report_year  INT          NOT NULL,
    formats      VARCHAR(64)  NOT NULL,
    export_time  DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_report_exports_resource_id (resource_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Claims of the scheduled report job, one row per year: the replica whose INSERT wins writes the
-- report folder; every other run for that year does nothing. A claim that never completed (crashed
-- replica) may be taken over once it is stale.
CREATE TABLE report_runs (
    period_key    VARCHAR(16)   NOT NULL,
    claimed_by    VARCHAR(255)  NOT NULL,
    claim_time    DATETIME(6)   NOT NULL,
    complete_time DATETIME(6)   NULL,
    directory     VARCHAR(1024) NULL,
    PRIMARY KEY (period_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
