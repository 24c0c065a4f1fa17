-- Rooms under graded management (Art. 11 ¶1): the last reported metrics and regulator-shared credit data
-- (Art. 11 ¶2) live on the row; the current grade is the room's highest grade number (history in grades).
CREATE TABLE rooms (
    seq                 BIGINT       NOT NULL AUTO_INCREMENT,
    resource_id         CHAR(36)     NOT NULL,
    room_operator       VARCHAR(100) NOT NULL,
    live_account_id     VARCHAR(64)  NOT NULL,
    display_name        VARCHAR(100) NOT NULL,
    goods_categories    VARCHAR(300) NOT NULL,
    followers           BIGINT       NULL,
    visits_30d          BIGINT       NULL,
    gmv_30d_fen         BIGINT       NULL,
    orders_30d          BIGINT       NULL,
    marketer_influence  BIGINT       NULL,
    measure_time        DATETIME(6)  NULL,
    credit_abnormal     BOOLEAN      NULL,
    credit_dishonest    BOOLEAN      NULL,
    credit_penalties    INT          NULL,
    credit_repaired     BOOLEAN      NULL,
    credit_source       VARCHAR(200) NULL,
    credit_as_of        DATETIME(6)  NULL,
    grade_number        INT          NOT NULL DEFAULT 0,
    monitoring_required BOOLEAN      NOT NULL DEFAULT FALSE,
    create_time         DATETIME(6)  NOT NULL,
    update_time         DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_rooms_resource_id (resource_id),
    UNIQUE KEY uk_rooms_live_account (live_account_id),
    KEY ix_rooms_monitoring (monitoring_required, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Violations of the red lines (Arts. 30–37), append-only except for the disposal that dealt with them.
CREATE TABLE violations (
    seq                 BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id         CHAR(36)      NOT NULL,
    room_seq            BIGINT        NOT NULL,
    red_line            VARCHAR(40)   NOT NULL,
    severity            VARCHAR(16)   NOT NULL,
    source              VARCHAR(24)   NOT NULL,
    description         VARCHAR(2000) NOT NULL,
    session_id          VARCHAR(64)   NULL,
    marketer            VARCHAR(100)  NULL,
    occur_time          DATETIME(6)   NOT NULL,
    regulator_reference VARCHAR(100)  NULL,
    disposal_id         CHAR(36)      NULL,
    disposal_due_time   DATETIME(6)   NULL,
    recorded_by         VARCHAR(255)  NOT NULL,
    record_time         DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_violations_resource_id (resource_id),
    KEY ix_violations_room (room_seq, seq),
    KEY ix_violations_room_time (room_seq, occur_time),
    CONSTRAINT fk_violations_room FOREIGN KEY (room_seq) REFERENCES rooms (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Evidence of violations and appeals: archive leaf indexes or artefact digests.
CREATE TABLE evidence (
    seq                BIGINT       NOT NULL AUTO_INCREMENT,
    owner_kind         VARCHAR(16)  NOT NULL,
    owner_seq          BIGINT       NOT NULL,
    position           INT          NOT NULL,
    archive_leaf_index BIGINT       NULL,
    artefact_sha256    CHAR(64)     NULL,
    description        VARCHAR(200) NOT NULL,
    PRIMARY KEY (seq),
    KEY ix_evidence_owner (owner_kind, owner_seq, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Verified complaints (Art. 20 ¶3); the complaint id is the idempotency key.
CREATE TABLE verified_complaints (
    seq          BIGINT       NOT NULL AUTO_INCREMENT,
    room_seq     BIGINT       NOT NULL,
    complaint_id VARCHAR(64)  NOT NULL,
    summary      VARCHAR(500) NOT NULL,
    verify_time  DATETIME(6)  NOT NULL,
    record_time  DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_complaints_id (complaint_id),
    KEY ix_complaints_room_time (room_seq, verify_time),
    CONSTRAINT fk_complaints_room FOREIGN KEY (room_seq) REFERENCES rooms (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Versioned rulesets, stored in the contract's JSON form (GradingRules); publish_time NULL = draft.
CREATE TABLE grading_rulesets (
    version         INT          NOT NULL,
    description     VARCHAR(500) NOT NULL,
    definition_json MEDIUMTEXT   NOT NULL,
    created_by      VARCHAR(255) NOT NULL,
    create_time     DATETIME(6)  NOT NULL,
    publish_time    DATETIME(6)  NULL,
    PRIMARY KEY (version),
    KEY ix_rulesets_published (publish_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Grade history: one row per evaluation whose outcome differs from the previous one. detail_json holds the
-- fired rules, monitoring reasons, inputs and matched measures in the contract's JSON form (Grade).
CREATE TABLE grades (
    seq                 BIGINT      NOT NULL AUTO_INCREMENT,
    room_seq            BIGINT      NOT NULL,
    number              INT         NOT NULL,
    level               VARCHAR(16) NOT NULL,
    monitoring_required BOOLEAN     NOT NULL,
    ruleset_version     INT         NOT NULL,
    explanation         TEXT        NOT NULL,
    detail_json         MEDIUMTEXT  NOT NULL,
    evaluate_time       DATETIME(6) NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_grades_room_number (room_seq, number),
    CONSTRAINT fk_grades_room FOREIGN KEY (room_seq) REFERENCES rooms (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Versioned pre-review term lists (Arts. 30, 32, 34, 35), in the contract's JSON form; the newest is in force.
CREATE TABLE term_lists (
    version         INT          NOT NULL,
    description     VARCHAR(500) NOT NULL,
    definition_json MEDIUMTEXT   NOT NULL,
    created_by      VARCHAR(255) NOT NULL,
    create_time     DATETIME(6)  NOT NULL,
    PRIMARY KEY (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
