-- Quarterly income of room operators and marketers, as the platform's settlement system states it, for the
-- tax report (State Council Order 810: identity and income of in-platform operators and workers, every
-- quarter). Append-only: a later statement for the same subject and quarter gets the next revision and
-- supersedes the earlier one in the report; no row is updated or deleted. Amounts are integer fen (CNY).
CREATE TABLE income_statements (
    seq               BIGINT       NOT NULL AUTO_INCREMENT,
    resource_id       CHAR(36)     NOT NULL,
    subject_type      VARCHAR(16)  NOT NULL,
    subject_seq       BIGINT       NOT NULL,
    subject_id        CHAR(36)     NOT NULL,
    report_year       INT          NOT NULL,
    report_quarter    INT          NOT NULL,
    revision          INT          NOT NULL,
    gross_income_fen  BIGINT       NOT NULL,
    refunds_fen       BIGINT       NOT NULL,
    transaction_count BIGINT       NOT NULL,
    recorded_by       VARCHAR(255) NOT NULL,
    record_time       DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_income_statements_resource_id (resource_id),
    UNIQUE KEY uk_income_statements_revision (subject_type, report_year, report_quarter, subject_seq, revision),
    CONSTRAINT ck_income_statements_amounts CHECK (gross_income_fen >= 0 AND refunds_fen >= 0 AND refunds_fen <= gross_income_fen
        AND transaction_count >= 0 AND report_quarter BETWEEN 1 AND 4)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- report_exports now records both reports: the Art. 9 regulator report (a half) and the Order 810 tax
-- report (a quarter). Rows written before this migration are regulator exports.
ALTER TABLE report_exports
    ADD COLUMN report_kind    VARCHAR(16) NOT NULL DEFAULT 'REGULATOR',
    ADD COLUMN report_quarter INT         NULL,
    MODIFY COLUMN report_half VARCHAR(8)  NULL;
