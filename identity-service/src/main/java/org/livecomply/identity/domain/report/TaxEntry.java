package org.livecomply.identity.domain.report;

/**
 * A subject as reported to the tax authority (State Council Order 810), unmasked: its name, its identifier
 * (USCC for entities and individual businesses, resident ID number for natural persons and marketers), its
 * contact phone, and the income statement in force for the quarter (null when none was recorded).
 */
public record TaxEntry(String legalName, String identifier, String phone, Income income) {

    /** The figures of the latest statement, in fen. */
    public record Income(long grossFen, long refundsFen, long transactionCount) {

        public long netFen() {
            return grossFen - refundsFen;
        }
    }
}
