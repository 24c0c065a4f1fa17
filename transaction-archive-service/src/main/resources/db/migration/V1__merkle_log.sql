-- The transaction archive: an append-only RFC 9162 Merkle log (Art. 16; ECL Arts. 31, 62).
-- Identifiers compare byte for byte (utf8mb4_bin): "A-1" and "a-1" are different orders.

-- One row: the size and root of the log. Appenders lock it (SELECT ... FOR UPDATE), so the tree grows
-- one batch at a time even with several replicas, and a reader sees size, records and nodes consistent.
CREATE TABLE archive_tree_head (
    id          TINYINT     NOT NULL,
    tree_size   BIGINT      NOT NULL,
    root_hash   BINARY(32)  NOT NULL,
    update_time DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO archive_tree_head (id, tree_size, root_hash, update_time)
VALUES (1, 0, UNHEX('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'), '2026-01-01 00:00:00');

-- The leaves. payload is the deterministic protobuf encoding of the record; leaf_hash =
-- SHA-256(0x00 || payload || salt). After retention payload and salt are erased, leaf_hash stays.
CREATE TABLE archive_records (
    leaf_index  BIGINT       NOT NULL,
    order_id    VARCHAR(64)  NOT NULL,
    event_id    VARCHAR(64)  NOT NULL,
    event       VARCHAR(40)  NOT NULL,
    occur_time  DATETIME(6)  NOT NULL,
    room_id     VARCHAR(64)  NOT NULL,
    session_id  VARCHAR(64)  NOT NULL,
    marketer_id VARCHAR(64)  NULL,
    payload     MEDIUMBLOB   NULL,
    salt        BINARY(16)   NULL,
    leaf_hash   BINARY(32)   NOT NULL,
    append_time DATETIME(6)  NOT NULL,
    PRIMARY KEY (leaf_index),
    UNIQUE KEY uk_records_order_event (order_id, event_id),
    KEY ix_records_room (room_id, leaf_index),
    KEY ix_records_session (session_id, leaf_index),
    KEY ix_records_marketer (marketer_id, leaf_index),
    KEY ix_records_occur (occur_time, leaf_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every complete subtree, stored when it completes: (level, node_index) covers leaves
-- [node_index * 2^level, (node_index + 1) * 2^level). Level 0 are the leaf hashes.
CREATE TABLE archive_nodes (
    level      TINYINT    NOT NULL,
    node_index BIGINT     NOT NULL,
    hash       BINARY(32) NOT NULL,
    PRIMARY KEY (level, node_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
