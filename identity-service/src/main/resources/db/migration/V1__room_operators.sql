-- Room operators (Art. 8 ¶1). Personal data are stored encrypted (AES-256-GCM, key id prefix), looked up
-- by keyed blind index, and kept masked for display; nothing here is readable without the PII keys.
CREATE TABLE room_operators (
    seq              BIGINT       NOT NULL AUTO_INCREMENT,
    resource_id      CHAR(36)     NOT NULL,
    kind             VARCHAR(32)  NOT NULL,
    legal_name       VARCHAR(100) NOT NULL,
    uscc             CHAR(18)     NULL,
    id_number_cipher VARCHAR(255) NULL,
    id_number_index  CHAR(64)     NULL,
    id_number_masked VARCHAR(32)  NULL,
    birth_date       DATE         NULL,
    region_code      CHAR(2)      NOT NULL,
    province         VARCHAR(50)  NOT NULL,
    city             VARCHAR(50)  NOT NULL,
    district         VARCHAR(50)  NOT NULL,
    street_cipher    VARCHAR(1024) NOT NULL,
    street_masked    VARCHAR(16)  NOT NULL,
    postal_code      CHAR(6)      NULL,
    phone_cipher     VARCHAR(255) NOT NULL,
    phone_masked     VARCHAR(32)  NOT NULL,
    email_cipher     VARCHAR(1024) NULL,
    email_masked     VARCHAR(260) NULL,
    state            VARCHAR(32)  NOT NULL,
    create_time      DATETIME(6)  NOT NULL,
    update_time      DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_room_operators_resource_id (resource_id),
    UNIQUE KEY uk_room_operators_uscc (uscc),
    UNIQUE KEY uk_room_operators_id_number (id_number_index),
    KEY ix_room_operators_state (state, seq),
    KEY ix_room_operators_kind (kind, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE room_operator_licences (
    seq               BIGINT       NOT NULL AUTO_INCREMENT,
    room_operator_seq BIGINT       NOT NULL,
    position          INT          NOT NULL,
    kind              VARCHAR(50)  NOT NULL,
    number            VARCHAR(64)  NOT NULL,
    issuer            VARCHAR(100) NOT NULL,
    valid_until       DATE         NULL,
    PRIMARY KEY (seq),
    KEY ix_licences_operator (room_operator_seq, position),
    CONSTRAINT fk_licences_operator FOREIGN KEY (room_operator_seq) REFERENCES room_operators (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A live account belongs to one room operator at a time.
CREATE TABLE room_operator_live_accounts (
    account_id        VARCHAR(64)  NOT NULL,
    room_operator_seq BIGINT       NOT NULL,
    position          INT          NOT NULL,
    display_name      VARCHAR(100) NOT NULL,
    PRIMARY KEY (account_id),
    KEY ix_live_accounts_operator (room_operator_seq, position),
    CONSTRAINT fk_live_accounts_operator FOREIGN KEY (room_operator_seq) REFERENCES room_operators (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
