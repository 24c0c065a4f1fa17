package org.livecomply.commons.persistence;

import java.sql.SQLException;

/** Tells a unique/foreign-key violation (a lost race another request won) from any other database failure. */
public final class IntegrityViolations {

    private IntegrityViolations() {
    }

    /** SQLSTATE class 23 (integrity constraint violation) anywhere in the cause chain. */
    public static boolean isIntegrityViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
