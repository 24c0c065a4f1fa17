-- Disposals (Arts. 12, 14): the decision with its notice. The state is derived from start/end/revoke times.
-- The subject identity of a blacklist or re-registration ban is kept encrypted (PIPL Art. 51) and masked.
CREATE TABLE disposals (
    seq               BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id       CHAR(36)      NOT NULL,
    room_seq          BIGINT        NOT NULL,
    measure           VARCHAR(32)   NOT NULL,
    marketer          VARCHAR(100)  NULL,
    session_id        VARCHAR(64)   NULL,
    facts             VARCHAR(2000) NOT NULL,
    reasons           VARCHAR(2000) NOT NULL,
    legal_basis       VARCHAR(500)  NOT NULL,
    appeal_channel    VARCHAR(500)  NOT NULL,
    start_time        DATETIME(6)   NOT NULL,
    end_time          DATETIME(6)   NULL,
    identity_type     VARCHAR(16)   NULL,
    identity_cipher   VARCHAR(255)  NULL,
    identity_masked   VARCHAR(32)   NULL,
    deviation_reason  VARCHAR(1000) NULL,
    proposal_json     TEXT          NOT NULL,
    decided_by        VARCHAR(255)  NOT NULL,
    decide_time       DATETIME(6)   NOT NULL,
    appeal_deadline   DATETIME(6)   NOT NULL,
    identity_delivery VARCHAR(16)   NOT NULL,
    blacklist_entry   VARCHAR(100)  NULL,
    revoke_time       DATETIME(6)   NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_disposals_resource_id (resource_id),
    KEY ix_disposals_room (room_seq, seq),
    CONSTRAINT fk_disposals_room FOREIGN KEY (room_seq) REFERENCES rooms (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE disposal_violations (
    seq           BIGINT NOT NULL AUTO_INCREMENT,
    disposal_seq  BIGINT NOT NULL,
    position      INT    NOT NULL,
    violation_seq BIGINT NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_dv_position (disposal_seq, position),
    CONSTRAINT fk_dv_disposal FOREIGN KEY (disposal_seq) REFERENCES disposals (seq),
    CONSTRAINT fk_dv_violation FOREIGN KEY (violation_seq) REFERENCES violations (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Appeals (Art. 14): at most one pending per disposal (pending_disposal_seq is NULL once decided).
CREATE TABLE appeals (
    seq                  BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id          CHAR(36)      NOT NULL,
    disposal_seq         BIGINT        NOT NULL,
    pending_disposal_seq BIGINT        NULL,
    statement            VARCHAR(4000) NOT NULL,
    state                VARCHAR(16)   NOT NULL,
    filed_by             VARCHAR(255)  NOT NULL,
    file_time            DATETIME(6)   NOT NULL,
    decision_reason      VARCHAR(2000) NULL,
    decided_by           VARCHAR(255)  NULL,
    decide_time          DATETIME(6)   NULL,
    result_notice        TEXT          NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_appeals_resource_id (resource_id),
    UNIQUE KEY uk_appeals_pending (pending_disposal_seq),
    KEY ix_appeals_state (state, seq),
    CONSTRAINT fk_appeals_disposal FOREIGN KEY (disposal_seq) REFERENCES disposals (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The regulator report queue (Art. 12 ¶3): one row per disposal and level; batch_seq is set when exported.
CREATE TABLE disposal_report_queue (
    seq          BIGINT      NOT NULL AUTO_INCREMENT,
    disposal_seq BIGINT      NOT NULL,
    level        VARCHAR(16) NOT NULL,
    batch_seq    BIGINT      NULL,
    enqueue_time DATETIME(6) NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_queue_disposal_level (disposal_seq, level),
    KEY ix_queue_pending (level, batch_seq, seq),
    CONSTRAINT fk_queue_disposal FOREIGN KEY (disposal_seq) REFERENCES disposals (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Report batches: who took which queued disposals, when (append-only).
CREATE TABLE disposal_report_batches (
    seq            BIGINT       NOT NULL AUTO_INCREMENT,
    resource_id    CHAR(36)     NOT NULL,
    level          VARCHAR(16)  NOT NULL,
    disposal_count BIGINT       NOT NULL,
    created_by     VARCHAR(255) NOT NULL,
    trigger_kind   VARCHAR(16)  NOT NULL,
    create_time    DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_batches_resource_id (resource_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Claims of the scheduled report job (one replica per level and day).
CREATE TABLE report_runs (
    run_key       VARCHAR(40)   NOT NULL,
    claimed_by    VARCHAR(255)  NOT NULL,
    claim_time    DATETIME(6)   NOT NULL,
    complete_time DATETIME(6)   NULL,
    directory     VARCHAR(1024) NULL,
    PRIMARY KEY (run_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Transactional outbox: facts that flow against the call DAG or must reach another service after the
-- disposal commits (blacklist entries to identity, Art. 14; the Art. 23 hand-off to consumer-rights).
-- Written in the disposal's transaction; delivered with retries by OutboxDeliveryJob under a lease.
-- The payload (a serialized request) is encrypted: it may carry an ID number.
CREATE TABLE outbox_events (
    seq               BIGINT        NOT NULL AUTO_INCREMENT,
    event_id          CHAR(36)      NOT NULL,
    kind              VARCHAR(40)   NOT NULL,
    source            VARCHAR(200)  NOT NULL,
    payload_cipher    MEDIUMTEXT    NOT NULL,
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
    KEY ix_outbox_due (status, next_attempt_time, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
