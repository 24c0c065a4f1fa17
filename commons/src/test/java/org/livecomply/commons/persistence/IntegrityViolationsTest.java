package org.livecomply.commons.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class IntegrityViolationsTest {

    @Test
    void findsADuplicateKeyDeepInTheCauseChain() {
        SQLException duplicate = new SQLIntegrityConstraintViolationException("Duplicate entry 'x' for key 'PRIMARY'", "23000", 1062);
        assertTrue(IntegrityViolations.isIntegrityViolation(new RuntimeException("wrapped", new IllegalStateException(duplicate))));
    }

    @Test
    void aLostConnectionOrDeadlockIsNotAConstraintViolation() {
        assertFalse(IntegrityViolations.isIntegrityViolation(new RuntimeException(new SQLTransientConnectionException("gone", "08S01"))));
        assertFalse(IntegrityViolations.isIntegrityViolation(new RuntimeException(new SQLException("Deadlock found", "40001", 1213))));
        assertFalse(IntegrityViolations.isIntegrityViolation(new RuntimeException(new SQLException("no state"))));
    }
}
