package org.livecomply.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.archive.ArchiveClient.READ;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.VerifyLogRequest;
import org.livecomply.api.archive.v1.VerifyLogResponse;

/** Rows changed behind the service's back are caught by VerifyLog (ECL Art. 62: tampering must not go unnoticed). */
@MicronautTest(environments = "test")
class TamperIT extends ArchiveApiTest {

    private static final String ADMIN = "archive.admin";
    private static final int LEAVES = 21;

    @BeforeAll
    void appendLeaves() {
        for (int i = 0; i < LEAVES; i++) {
            client.append(Records.paid("tamper-" + i).build());
        }
    }

    @Test
    void anUntouchedLogIsIntact() {
        VerifyLogResponse result = verify();
        assertTrue(result.getIntact(), result.getFirstMismatch());
        assertEquals(LEAVES, result.getTreeSize());
        assertEquals(LEAVES, result.getRecomputedLeaves());
    }

    @Test
    void aChangedPayloadIsCaught() throws Exception {
        tampered("UPDATE archive_records SET payload = CONCAT(payload, 'x') WHERE leaf_index = 7",
                "UPDATE archive_records SET payload = SUBSTRING(payload, 1, LENGTH(payload) - 1) WHERE leaf_index = 7",
                "records/7: payload or salt do not hash to the stored leaf hash");
    }

    @Test
    void aReplacedLeafHashIsCaughtEvenWhenThePayloadWasErased() throws Exception {
        // Erased leaves have nothing to recompute from: the node above them still exposes a changed hash.
        tampered("UPDATE archive_records SET payload = NULL, salt = NULL, leaf_hash = UNHEX(SHA2('forged', 256)) WHERE leaf_index = 12",
                null, "tree node (level 1, leaves 12..13) does not match the leaves below it");
    }

    @Test
    void aChangedInteriorNodeOrHeadIsCaught() throws Exception {
        tampered("UPDATE archive_nodes SET hash = UNHEX(SHA2('forged', 256)) WHERE level = 2 AND node_index = 3",
                null, "tree node (level 2, leaves 12..15) does not match the leaves below it");
    }

    @Test
    void aDeletedLeafIsCaught() throws Exception {
        tampered("DELETE FROM archive_records WHERE leaf_index = 20", null, "the head says " + LEAVES + " leaves but records end at 20");
    }

    @Test
    void verifyLogIsForAdminsOnly() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(READ).verifyLog(VerifyLogRequest.getDefaultInstance()));
        assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
    }

    /** Applies {@code change}, expects {@code mismatch}, then restores the table (undo, or a snapshot copy). */
    private void tampered(String change, String undo, String mismatch) throws Exception {
        String table = change.contains("archive_nodes") ? "archive_nodes" : "archive_records";
        if (undo == null) {
            db.update("CREATE TABLE backup_" + table + " AS SELECT * FROM " + table);
        }
        try {
            assertEquals(1, db.update(change));
            VerifyLogResponse result = verify();
            assertFalse(result.getIntact());
            assertEquals(mismatch, result.getFirstMismatch());
        } finally {
            if (undo == null) {
                db.update("DELETE FROM " + table);
                db.update("INSERT INTO " + table + " SELECT * FROM backup_" + table);
                db.update("DROP TABLE backup_" + table);
            } else {
                db.update(undo);
            }
        }
        assertTrue(verify().getIntact(), "restored");
    }

    private VerifyLogResponse verify() {
        return client.as(ADMIN).verifyLog(VerifyLogRequest.getDefaultInstance());
    }
}
