-- Earlier versions of room operators and marketers (Art. 8 ¶1, ¶2: the registration file is updated, its
-- history kept). `previous` is a JSON snapshot of the replaced values; personal data in it stay encrypted
-- as in the live row (same ciphertexts, same column binding), so the snapshot reveals nothing in clear.
CREATE TABLE subject_revisions (
    seq            BIGINT       NOT NULL AUTO_INCREMENT,
    subject_type   VARCHAR(16)  NOT NULL,
    subject_seq    BIGINT       NOT NULL,
    number         INT          NOT NULL,
    changed_fields VARCHAR(200) NOT NULL,
    previous       LONGTEXT     NOT NULL,
    updated_by     VARCHAR(255) NOT NULL,
    update_time    DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_subject_revisions_number (subject_type, subject_seq, number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
