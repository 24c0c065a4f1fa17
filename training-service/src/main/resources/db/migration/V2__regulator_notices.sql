-- Regulator notices passed on to room operators, MCNs and marketers (Art. 10 ¶2). Immutable.
-- audiences: comma-separated audience names (few notices: FIND_IN_SET needs no index).
CREATE TABLE regulator_notices (
    seq                  BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id          CHAR(36)      NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    issuing_authority    VARCHAR(100)  NOT NULL,
    document_reference   VARCHAR(100)  NOT NULL,
    digest               TEXT          NOT NULL,
    document_sha256      CHAR(64)      NULL,
    audiences            VARCHAR(64)   NOT NULL,
    acknowledge_deadline DATETIME(6)   NOT NULL,
    circulated_by        VARCHAR(255)  NOT NULL,
    circulate_time       DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_regulator_notices_resource_id (resource_id),
    KEY ix_regulator_notices_deadline (acknowledge_deadline)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Read receipts: one per subject and notice. Append-only.
CREATE TABLE notice_acknowledgements (
    seq              BIGINT       NOT NULL AUTO_INCREMENT,
    resource_id      CHAR(36)     NOT NULL,
    notice_seq       BIGINT       NOT NULL,
    subject          VARCHAR(100) NOT NULL,
    acknowledge_time DATETIME(6)  NOT NULL,
    late             BOOLEAN      NOT NULL,
    recorded_by      VARCHAR(255) NOT NULL,
    record_time      DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_notice_acknowledgements_resource_id (resource_id),
    UNIQUE KEY uk_notice_acknowledgements_subject (notice_seq, subject),
    KEY ix_notice_acknowledgements_subject (subject),
    CONSTRAINT fk_notice_acknowledgements_notice FOREIGN KEY (notice_seq) REFERENCES regulator_notices (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
