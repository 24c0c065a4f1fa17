-- MCN institutions (Arts. 38–45) and their written agreements with room operators (Art. 43).
CREATE TABLE mcn_institutions (
    seq           BIGINT        NOT NULL AUTO_INCREMENT,
    resource_id   CHAR(36)      NOT NULL,
    legal_name    VARCHAR(100)  NOT NULL,
    uscc          CHAR(18)      NOT NULL,
    region_code   CHAR(2)       NOT NULL,
    province      VARCHAR(50)   NOT NULL,
    city          VARCHAR(50)   NOT NULL,
    district      VARCHAR(50)   NOT NULL,
    street_cipher VARCHAR(1024) NOT NULL,
    street_masked VARCHAR(16)   NOT NULL,
    postal_code   CHAR(6)       NULL,
    phone_cipher  VARCHAR(255)  NOT NULL,
    phone_masked  VARCHAR(32)   NOT NULL,
    email_cipher  VARCHAR(1024) NULL,
    email_masked  VARCHAR(260)  NULL,
    create_time   DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_mcn_institutions_resource_id (resource_id),
    UNIQUE KEY uk_mcn_institutions_uscc (uscc)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mcn_agreements (
    seq                       BIGINT      NOT NULL AUTO_INCREMENT,
    mcn_seq                   BIGINT      NOT NULL,
    number                    INT         NOT NULL,
    room_operator_id          CHAR(36)    NOT NULL,
    agreement_document_sha256 CHAR(64)    NOT NULL,
    sign_time                 DATETIME(6) NOT NULL,
    valid_until               DATE        NULL,
    create_time               DATETIME(6) NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_mcn_agreements_number (mcn_seq, number),
    CONSTRAINT fk_mcn_agreements_mcn FOREIGN KEY (mcn_seq) REFERENCES mcn_institutions (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
