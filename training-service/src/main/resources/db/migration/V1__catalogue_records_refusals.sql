-- Course catalogue (Art. 10): one row per version of a course code. A version that a training record
-- uses (in_use) never changes again except for effective_until (RetireCourse).
CREATE TABLE courses (
    seq                      BIGINT        NOT NULL AUTO_INCREMENT,
    code                     VARCHAR(32)   NOT NULL,
    version                  INT           NOT NULL,
    title                    VARCHAR(200)  NOT NULL,
    description              VARCHAR(2000) NOT NULL,
    audience                 VARCHAR(16)   NOT NULL,
    kind                     VARCHAR(24)   NOT NULL,
    topics                   VARCHAR(400)  NOT NULL,
    minimum_duration_seconds INT           NOT NULL,
    pass_score               INT           NOT NULL,
    effective_from           DATE          NOT NULL,
    effective_until          DATE          NULL,
    state                    VARCHAR(16)   NOT NULL,
    in_use                   BOOLEAN       NOT NULL,
    created_by               VARCHAR(255)  NOT NULL,
    create_time              DATETIME(6)   NOT NULL,
    update_time              DATETIME(6)   NOT NULL,
    publish_time             DATETIME(6)   NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_courses_code_version (code, version),
    KEY ix_courses_catalogue (audience, state, kind, effective_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Training records (Art. 10): append-only statements, never updated or deleted. The course's code,
-- kind and topics are copied from the (then immutable) version so the status needs no join.
CREATE TABLE training_records (
    seq                      BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id              CHAR(36)      NOT NULL,
    subject                  VARCHAR(100)  NOT NULL,
    audience                 VARCHAR(16)   NOT NULL,
    course_seq               BIGINT        NOT NULL,
    course_code              VARCHAR(32)   NOT NULL,
    course_version           INT           NOT NULL,
    course_kind              VARCHAR(24)   NOT NULL,
    course_topics            VARCHAR(400)  NOT NULL,
    start_time               DATETIME(6)   NOT NULL,
    complete_time            DATETIME(6)   NOT NULL,
    watched_micros           BIGINT        NOT NULL,
    score                    INT           NOT NULL,
    passed                   BOOLEAN       NOT NULL,
    identity_check_method    VARCHAR(32)   NOT NULL,
    identity_check_reference VARCHAR(128)  NOT NULL,
    identity_check_time      DATETIME(6)   NOT NULL,
    issuer                   VARCHAR(100)  NOT NULL,
    certificate_id           CHAR(32)      NULL,
    recorded_by              VARCHAR(255)  NOT NULL,
    record_time              DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_training_records_resource_id (resource_id),
    UNIQUE KEY uk_training_records_certificate (certificate_id),
    KEY ix_training_records_subject (subject, complete_time),
    CONSTRAINT fk_training_records_course FOREIGN KEY (course_seq) REFERENCES courses (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The only correction of a record: a void with its reason, in a table of its own so that
-- training_records stays insert-only. At most one per record.
CREATE TABLE training_record_voids (
    record_seq BIGINT        NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    voided_by  VARCHAR(255)  NOT NULL,
    void_time  DATETIME(6)   NOT NULL,
    PRIMARY KEY (record_seq),
    CONSTRAINT fk_training_record_voids_record FOREIGN KEY (record_seq) REFERENCES training_records (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Refusals to attend (Art. 10 ¶1: marketers must not refuse training). Append-only.
CREATE TABLE training_refusals (
    seq            BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id    CHAR(36)      NOT NULL,
    subject        VARCHAR(100)  NOT NULL,
    course_seq     BIGINT        NOT NULL,
    course_code    VARCHAR(32)   NOT NULL,
    course_version INT           NOT NULL,
    refuse_time    DATETIME(6)   NOT NULL,
    note           VARCHAR(1000) NOT NULL,
    recorded_by    VARCHAR(255)  NOT NULL,
    record_time    DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_training_refusals_resource_id (resource_id),
    KEY ix_training_refusals_subject (subject, refuse_time),
    CONSTRAINT fk_training_refusals_course FOREIGN KEY (course_seq) REFERENCES courses (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
