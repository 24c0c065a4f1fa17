-- Art. 20 ¶1 automatic abuse check: the complainant is the contact (by its keyed blind index, never in
-- clear: PIPL Art. 51) or the platform's buyer reference; both looked up by filing time.
ALTER TABLE complaints
    ADD COLUMN contact_index CHAR(64) NULL AFTER contact_cipher,
    ADD KEY ix_complaints_contact (contact_index, create_time),
    ADD KEY ix_complaints_buyer (buyer_ref, create_time),
    ADD KEY ix_complaints_order_time (order_id, create_time);

-- Advance compensation (先行赔付) paid by the platform on a complaint (Art. 5; ECL Art. 58), one per
-- complaint, and its recovery from the merchant (CRPL Art. 44 ¶1). Money in fen (CNY).
CREATE TABLE advance_compensations (
    seq              BIGINT        NOT NULL AUTO_INCREMENT,
    complaint_seq    BIGINT        NOT NULL,
    amount_fen       BIGINT        NOT NULL,
    payer            VARCHAR(40)   NOT NULL,
    payment_ref      VARCHAR(128)  NOT NULL,
    pay_time         DATETIME(6)   NOT NULL,
    reason           TEXT          NOT NULL,
    merchant         VARCHAR(100)  NULL,
    recorded_by      VARCHAR(200)  NOT NULL,
    record_time      DATETIME(6)   NOT NULL,
    recovery_state   VARCHAR(20)   NOT NULL,
    recovered_fen    BIGINT        NOT NULL DEFAULT 0,
    write_off_reason TEXT          NULL,
    update_time      DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_advance_compensations_complaint (complaint_seq),
    CONSTRAINT fk_advance_compensations_complaint FOREIGN KEY (complaint_seq) REFERENCES complaints (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Money recovered from the merchant, append-only.
CREATE TABLE compensation_recoveries (
    seq              BIGINT        NOT NULL AUTO_INCREMENT,
    compensation_seq BIGINT        NOT NULL,
    amount_fen       BIGINT        NOT NULL,
    reference        VARCHAR(128)  NOT NULL,
    recover_time     DATETIME(6)   NOT NULL,
    recorded_by      VARCHAR(200)  NOT NULL,
    record_time      DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    KEY ix_compensation_recoveries_compensation (compensation_seq, seq),
    CONSTRAINT fk_compensation_recoveries_compensation FOREIGN KEY (compensation_seq) REFERENCES advance_compensations (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Settlement proposals of online dispute resolution (ECL Art. 63): both parties' answers as relayed.
CREATE TABLE settlements (
    seq                  BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id          CHAR(36)      NOT NULL,
    complaint_seq        BIGINT        NOT NULL,
    terms                TEXT          NOT NULL,
    amount_fen           BIGINT        NULL,
    merchant             VARCHAR(100)  NOT NULL,
    state                VARCHAR(16)   NOT NULL,
    proposed_by          VARCHAR(200)  NOT NULL,
    propose_time         DATETIME(6)   NOT NULL,
    consumer_decision    VARCHAR(16)   NULL,
    consumer_note        TEXT          NULL,
    consumer_recorded_by VARCHAR(200)  NULL,
    consumer_answer_time DATETIME(6)   NULL,
    merchant_decision    VARCHAR(16)   NULL,
    merchant_note        TEXT          NULL,
    merchant_recorded_by VARCHAR(200)  NULL,
    merchant_answer_time DATETIME(6)   NULL,
    close_time           DATETIME(6)   NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_settlements_resource (resource_id),
    KEY ix_settlements_complaint (complaint_seq, seq),
    CONSTRAINT fk_settlements_complaint FOREIGN KEY (complaint_seq) REFERENCES complaints (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Claims of the scheduled clue export (commons ReportFolders), one row per period (e.g. 2026-11): the
-- replica whose INSERT wins writes the period's folder; every other run for it does nothing. A claim that
-- never completed (crashed replica) is taken over once stale.
CREATE TABLE report_runs (
    period_key    VARCHAR(40)   NOT NULL,
    claimed_by    VARCHAR(255)  NOT NULL,
    claim_time    DATETIME(6)   NOT NULL,
    complete_time DATETIME(6)   NULL,
    directory     VARCHAR(1024) NULL,
    PRIMARY KEY (period_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
