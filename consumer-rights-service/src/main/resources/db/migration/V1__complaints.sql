-- Complaints (Art. 20) and their timeline. Times are UTC DATETIME(6).
CREATE TABLE complaints (
    seq                 BIGINT        NOT NULL AUTO_INCREMENT,
    number              VARCHAR(20)   NOT NULL,
    channel             VARCHAR(20)   NOT NULL,
    category            VARCHAR(32)   NOT NULL,
    description         TEXT          NOT NULL,
    order_id            VARCHAR(64)   NULL,
    room                VARCHAR(100)  NULL,
    room_operator       VARCHAR(100)  NULL,
    marketer            VARCHAR(100)  NULL,
    requested_remedy    VARCHAR(20)   NULL,
    -- PIPL Art. 51: the consumer's phone or e-mail, AES-256-GCM; masked on output.
    contact_cipher      VARCHAR(1024) NULL,
    buyer_ref           VARCHAR(128)  NULL,
    -- The status token is HMAC(service key, number ‖ salt); only its SHA-256 is kept for checking.
    token_salt          CHAR(32)      NOT NULL,
    token_hash          CHAR(64)      NOT NULL,
    state               VARCHAR(20)   NOT NULL,
    resume_state        VARCHAR(20)   NULL,
    waiting_on          VARCHAR(20)   NULL,
    -- The published deadlines in force at filing (working days) and whether a merchant wait pauses them.
    acknowledge_days    INT           NOT NULL,
    first_response_days INT           NOT NULL,
    resolve_days        INT           NOT NULL,
    merchant_pauses     BOOLEAN       NOT NULL,
    -- Earliest deadline of a running clock, recomputed on every change: the overdue listing's index.
    next_deadline       DATETIME(6)   NULL,
    abuse_flagged       BOOLEAN       NOT NULL DEFAULT FALSE,
    abuse_reason        VARCHAR(2000) NULL,
    resolution          TEXT          NULL,
    substantiated       BOOLEAN       NOT NULL DEFAULT FALSE,
    rejection_reason    TEXT          NULL,
    regulator_clue      VARCHAR(64)   NULL,
    legal_hold          VARCHAR(16)   NOT NULL,
    legal_hold_name     VARCHAR(100)  NULL,
    grading_signal      VARCHAR(16)   NOT NULL,
    disposal            VARCHAR(200)  NULL,
    create_time         DATETIME(6)   NOT NULL,
    update_time         DATETIME(6)   NOT NULL,
    close_time          DATETIME(6)   NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_complaints_number (number),
    -- Art. 23: one tracked case per order and disposal, however often the hand-off arrives.
    UNIQUE KEY uk_complaints_disposal_order (disposal, order_id),
    KEY ix_complaints_order (order_id),
    KEY ix_complaints_overdue (next_deadline)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE complaint_events (
    seq           BIGINT        NOT NULL AUTO_INCREMENT,
    complaint_seq BIGINT        NOT NULL,
    kind          VARCHAR(40)   NOT NULL,
    actor         VARCHAR(200)  NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    waiting_on    VARCHAR(20)   NULL,
    note          TEXT          NOT NULL,
    occur_time    DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    KEY ix_complaint_events_complaint (complaint_seq, seq),
    CONSTRAINT fk_complaint_events_complaint FOREIGN KEY (complaint_seq) REFERENCES complaints (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Transactional outbox (generic): facts for other services written in the transaction of the change that
-- produces them, delivered afterwards with retries to idempotent RPCs (request_id = event_id).
CREATE TABLE outbox_events (
    seq               BIGINT        NOT NULL AUTO_INCREMENT,
    event_id          CHAR(36)      NOT NULL,
    event_type        VARCHAR(64)   NOT NULL,
    subject           VARCHAR(200)  NOT NULL,
    payload           MEDIUMBLOB    NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    attempts          INT           NOT NULL DEFAULT 0,
    next_attempt_time DATETIME(6)   NOT NULL,
    lease_owner       VARCHAR(64)   NULL,
    lease_until       DATETIME(6)   NULL,
    last_error        VARCHAR(1000) NULL,
    create_time       DATETIME(6)   NOT NULL,
    deliver_time      DATETIME(6)   NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_outbox_event_id (event_id),
    KEY ix_outbox_due (status, next_attempt_time, seq),
    KEY ix_outbox_subject (subject, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Seller-information disclosures (Art. 18; CRPL Art. 44): who asked, when, what was disclosed, the answer
-- time against the published target. The disclosed data themselves are not kept. Append-only.
CREATE TABLE seller_information_audits (
    seq                       BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id               CHAR(36)      NOT NULL,
    complaint_seq             BIGINT        NOT NULL,
    requested_by              VARCHAR(200)  NOT NULL,
    room_operator             VARCHAR(100)  NOT NULL,
    marketer                  VARCHAR(100)  NULL,
    identity_disclosure_audit VARCHAR(100)  NOT NULL,
    order_id                  VARCHAR(64)   NULL,
    records                   TEXT          NOT NULL,
    checkpoint_tree_size      BIGINT        NOT NULL,
    request_time              DATETIME(6)   NOT NULL,
    answer_time               DATETIME(6)   NOT NULL,
    target_time               DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_seller_information_audits_resource (resource_id),
    KEY ix_seller_information_audits_complaint (complaint_seq, seq),
    CONSTRAINT fk_seller_information_audits_complaint FOREIGN KEY (complaint_seq) REFERENCES complaints (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Regulator clues (Art. 46; ECL Art. 29), one per escalated complaint. Append-only.
CREATE TABLE regulator_clues (
    seq           BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id   CHAR(36)      NOT NULL,
    complaint_seq BIGINT        NOT NULL,
    regulator     VARCHAR(200)  NOT NULL,
    reasons       TEXT          NOT NULL,
    escalated_by  VARCHAR(200)  NOT NULL,
    create_time   DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_regulator_clues_resource (resource_id),
    UNIQUE KEY uk_regulator_clues_complaint (complaint_seq),
    KEY ix_regulator_clues_time (create_time, seq),
    CONSTRAINT fk_regulator_clues_complaint FOREIGN KEY (complaint_seq) REFERENCES complaints (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who exported which clues, when. Append-only.
CREATE TABLE clue_exports (
    seq          BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id  CHAR(36)      NOT NULL,
    exported_by  VARCHAR(200)  NOT NULL,
    start_time   DATETIME(6)   NOT NULL,
    end_time     DATETIME(6)   NOT NULL,
    format       VARCHAR(16)   NOT NULL,
    clue_count   BIGINT        NOT NULL,
    export_time  DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Art. 23 hand-offs received from room-grading, one per disposal.
CREATE TABLE room_disposals (
    seq          BIGINT        NOT NULL AUTO_INCREMENT,
    disposal     VARCHAR(200)  NOT NULL,
    room         VARCHAR(100)  NOT NULL,
    measure      VARCHAR(40)   NOT NULL,
    event_id     VARCHAR(64)   NOT NULL,
    orders_found INT           NOT NULL,
    receive_time DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_room_disposals_disposal (disposal)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
