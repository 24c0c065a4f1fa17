-- Earlier versions of room operators (Art. 8 ¶1: the registration file is updated, its history kept).
-- `previous` is a JSON snapshot of the replaced values; personal data in it stay encrypted as in
-- room_operators (same ciphertexts, same column binding), so the snapshot reveals nothing in clear.
CREATE TABLE room_operator_revisions (
    seq               BIGINT       NOT NULL AUTO_INCREMENT,
    room_operator_seq BIGINT       NOT NULL,
    number            INT          NOT NULL,
    changed_fields    VARCHAR(200) NOT NULL,
    previous          LONGTEXT     NOT NULL,
    updated_by        VARCHAR(255) NOT NULL,
    update_time       DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_room_operator_revisions_number (room_operator_seq, number),
    CONSTRAINT fk_room_operator_revisions_operator FOREIGN KEY (room_operator_seq) REFERENCES room_operators (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
