-- Verification state of room operators (Art. 8 ¶1): the stored state is the base state; "due" and
-- "overdue" are derived from reverification_due_time at read time, so they are never stale.
ALTER TABLE room_operators
    ADD COLUMN last_verify_time        DATETIME(6) NULL,
    ADD COLUMN reverification_due_time DATETIME(6) NULL;

-- Marketers (Art. 8 ¶2). Personal data as ciphertext, blind index and mask only.
CREATE TABLE marketers (
    seq              BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id      CHAR(36)      NOT NULL,
    legal_name       VARCHAR(100)  NOT NULL,
    id_number_cipher VARCHAR(255)  NOT NULL,
    id_number_index  CHAR(64)      NOT NULL,
    id_number_masked VARCHAR(32)   NOT NULL,
    birth_date       DATE          NOT NULL,
    region_code      CHAR(2)       NOT NULL,
    province         VARCHAR(50)   NOT NULL,
    city             VARCHAR(50)   NOT NULL,
    district         VARCHAR(50)   NOT NULL,
    street_cipher    VARCHAR(1024) NOT NULL,
    street_masked    VARCHAR(16)   NOT NULL,
    postal_code      CHAR(6)       NULL,
    phone_cipher     VARCHAR(255)  NOT NULL,
    phone_masked     VARCHAR(32)   NOT NULL,
    email_cipher     VARCHAR(1024) NULL,
    email_masked     VARCHAR(260)  NULL,
    mcn_institution  VARCHAR(100)  NULL,
    occupation       VARCHAR(100)  NOT NULL,
    state            VARCHAR(32)   NOT NULL,
    last_verify_time DATETIME(6)   NULL,
    create_time      DATETIME(6)   NOT NULL,
    update_time      DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_marketers_resource_id (resource_id),
    UNIQUE KEY uk_marketers_id_number (id_number_index),
    KEY ix_marketers_state (state, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE marketer_qualifications (
    seq          BIGINT       NOT NULL AUTO_INCREMENT,
    marketer_seq BIGINT       NOT NULL,
    position     INT          NOT NULL,
    kind         VARCHAR(50)  NOT NULL,
    number       VARCHAR(64)  NOT NULL,
    issuer       VARCHAR(100) NOT NULL,
    valid_until  DATE         NULL,
    PRIMARY KEY (seq),
    KEY ix_qualifications_marketer (marketer_seq, position),
    CONSTRAINT fk_qualifications_marketer FOREIGN KEY (marketer_seq) REFERENCES marketers (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Guardian consents (MPL Art. 76), append-only; the latest one is in force.
CREATE TABLE guardian_consents (
    seq                     BIGINT       NOT NULL AUTO_INCREMENT,
    marketer_seq            BIGINT       NOT NULL,
    guardian_name           VARCHAR(100) NOT NULL,
    guardian_id_cipher      VARCHAR(255) NOT NULL,
    guardian_id_masked      VARCHAR(32)  NOT NULL,
    relationship            VARCHAR(20)  NOT NULL,
    consent_document_sha256 CHAR(64)     NOT NULL,
    consent_time            DATETIME(6)  NOT NULL,
    record_time             DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    KEY ix_consents_marketer (marketer_seq, seq),
    CONSTRAINT fk_consents_marketer FOREIGN KEY (marketer_seq) REFERENCES marketers (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Verification history (Art. 8 ¶1, ¶3), append-only: rows are never updated or deleted.
CREATE TABLE verifications (
    seq                BIGINT       NOT NULL AUTO_INCREMENT,
    subject_type       VARCHAR(16)  NOT NULL,
    subject_seq        BIGINT       NOT NULL,
    number             INT          NOT NULL,
    method             VARCHAR(32)  NOT NULL,
    provider           VARCHAR(50)  NOT NULL,
    provider_reference VARCHAR(128) NOT NULL,
    result             VARCHAR(16)  NOT NULL,
    verify_time        DATETIME(6)  NOT NULL,
    note               VARCHAR(500) NOT NULL,
    recorded_by        VARCHAR(255) NOT NULL,
    record_time        DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_verifications_subject_number (subject_type, subject_seq, number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Session rosters (Art. 28), kept at least 3 years.
CREATE TABLE session_rosters (
    seq               BIGINT      NOT NULL AUTO_INCREMENT,
    room_operator_seq BIGINT      NOT NULL,
    session_id        VARCHAR(64) NOT NULL,
    submit_time       DATETIME(6) NOT NULL,
    retain_until      DATETIME(6) NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_rosters_session (room_operator_seq, session_id),
    CONSTRAINT fk_rosters_operator FOREIGN KEY (room_operator_seq) REFERENCES room_operators (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE session_roster_marketers (
    seq          BIGINT NOT NULL AUTO_INCREMENT,
    roster_seq   BIGINT NOT NULL,
    position     INT    NOT NULL,
    marketer_seq BIGINT NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_roster_marketers_position (roster_seq, position),
    CONSTRAINT fk_roster_marketers_roster FOREIGN KEY (roster_seq) REFERENCES session_rosters (seq),
    CONSTRAINT fk_roster_marketers_marketer FOREIGN KEY (marketer_seq) REFERENCES marketers (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Blacklist entries keyed by identity (Art. 14): a USCC, or the blind index of an ID number (the same
-- index room_operators and marketers use, so one lookup covers every registration path).
CREATE TABLE blacklist_entries (
    seq             BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id     CHAR(36)      NOT NULL,
    identity_type   VARCHAR(16)   NOT NULL,
    identity_key    VARCHAR(64)   NOT NULL,
    identity_masked VARCHAR(32)   NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    legal_basis     VARCHAR(500)  NOT NULL,
    appeal_channel  VARCHAR(500)  NOT NULL,
    source          VARCHAR(200)  NOT NULL,
    start_time      DATETIME(6)   NOT NULL,
    end_time        DATETIME(6)   NULL,
    create_time     DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_blacklist_resource_id (resource_id),
    KEY ix_blacklist_identity (identity_key, start_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who saw unmasked personal data, when and why (Art. 18; PIPL). Append-only.
CREATE TABLE disclosure_audits (
    seq               BIGINT       NOT NULL AUTO_INCREMENT,
    resource_id       CHAR(36)     NOT NULL,
    disclosed_to      VARCHAR(255) NOT NULL,
    purpose           VARCHAR(32)  NOT NULL,
    case_reference    VARCHAR(100) NOT NULL,
    room_operator_id  CHAR(36)     NOT NULL,
    marketer_id       CHAR(36)     NULL,
    disclose_time     DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_disclosure_audits_resource_id (resource_id),
    KEY ix_disclosure_audits_operator (room_operator_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
