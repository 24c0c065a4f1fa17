-- Regulator notices that a subject cannot be reached (Art. 22): 5-working-day reminder deadline, then
-- disposal (suspension) if still not updated, lifted after a verified update. Records are kept.
CREATE TABLE unreachable_notices (
    seq               BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id       CHAR(36)      NOT NULL,
    subject_type      VARCHAR(16)   NOT NULL,
    subject_id        CHAR(36)      NOT NULL,
    regulator         VARCHAR(100)  NOT NULL,
    notice_reference  VARCHAR(100)  NOT NULL,
    notice_time       DATETIME(6)   NOT NULL,
    reminder_deadline DATETIME(6)   NOT NULL,
    remind_time       DATETIME(6)   NULL,
    state             VARCHAR(16)   NOT NULL,
    note              VARCHAR(1000) NOT NULL,
    create_time       DATETIME(6)   NOT NULL,
    update_time       DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_unreachable_notices_resource_id (resource_id),
    KEY ix_unreachable_notices_open (state, reminder_deadline)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
