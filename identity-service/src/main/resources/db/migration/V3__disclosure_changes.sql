-- Changes to a room operator's disclosed information (Art. 25: reported within 3 working days;
-- Art. 15: the platform verifies and updates the display within 7 working days). Deadlines are fixed
-- when the change is reported, on the PRC working-day calendar in force at that moment.
CREATE TABLE disclosure_changes (
    seq                   BIGINT        NOT NULL AUTO_INCREMENT,
    room_operator_seq     BIGINT        NOT NULL,
    room_operator_id      CHAR(36)      NOT NULL,
    number                INT           NOT NULL,
    changed_fields        VARCHAR(200)  NOT NULL,
    description           VARCHAR(1000) NOT NULL,
    change_time           DATETIME(6)   NOT NULL,
    report_time           DATETIME(6)   NOT NULL,
    report_deadline       DATETIME(6)   NOT NULL,
    verification_deadline DATETIME(6)   NOT NULL,
    state                 VARCHAR(32)   NOT NULL,
    complete_time         DATETIME(6)   NULL,
    completed_by          VARCHAR(255)  NULL,
    completion_note       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_disclosure_changes_number (room_operator_seq, number),
    KEY ix_disclosure_changes_pending (state, verification_deadline),
    CONSTRAINT fk_disclosure_changes_operator FOREIGN KEY (room_operator_seq) REFERENCES room_operators (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
