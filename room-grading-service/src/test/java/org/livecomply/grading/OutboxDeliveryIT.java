package org.livecomply.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.testsupport.StatusDetails.preconditionFailure;

import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.grading.v1.Appeal;
import org.livecomply.api.grading.v1.CreateDisposalRequest;
import org.livecomply.api.grading.v1.DecideAppealRequest;
import org.livecomply.api.grading.v1.Disposal;
import org.livecomply.api.grading.v1.Evidence;
import org.livecomply.api.grading.v1.FileAppealRequest;
import org.livecomply.api.grading.v1.GetDisposalRequest;
import org.livecomply.api.grading.v1.Measure;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.SubjectIdentity;
import org.livecomply.api.grading.v1.Violation;
import org.livecomply.api.identity.v1.BlacklistEntry;
import org.livecomply.api.identity.v1.GetBlacklistEntryRequest;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.grading.jobs.OutboxDeliveryJob;

/** Blacklists reach the real identity-service through the outbox, once, and identity then enforces them (Art. 14). */
@MicronautTest(environments = "test", transactional = false)
class OutboxDeliveryIT extends GradingApiTest {

    @Inject
    OutboxDeliveryJob outbox;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("livecomply.clients.identity.address", RealServices.identity().grpcAddress());
    }

    /** A grave violation in the room and the marketer's blacklisting for it, keyed by the ID number. */
    private Disposal blacklist(Room room, Marketer host, String idNumber) {
        Violation violation = fixtures.violation(room, Severity.SEVERITY_GRAVE, TestClock.NOW);
        return client.as(GradingFixtures.DECIDE).createDisposal(CreateDisposalRequest.newBuilder().setParent(room.getName())
                .setDisposal(DisposalIT.decision(violation, Measure.MEASURE_BLACKLIST).setMarketer(host.getName())
                        .setDeviationReason("sold counterfeit cosmetics knowingly")
                        .setSubjectIdentity(SubjectIdentity.newBuilder().setIdentityType(SubjectIdentity.IdentityType.IDENTITY_TYPE_RESIDENT_ID)
                                .setIdentity(idNumber))).build());
    }

    @Test
    void aBlacklistIsStoredInIdentityOnceAndStopsTheMarketersNextRoster() throws SQLException {
        String idNumber = RealServices.freshIdNumber(LocalDate.of(1985, 5, 5));
        Marketer host = RealServices.marketer(idNumber, true);
        RoomOperator operator = RealServices.verifiedOperator();
        Room room = fixtures.room(GradingFixtures.roomInput().setRoomOperator(operator.getName()));
        Disposal blacklist = blacklist(room, host, idNumber);

        assertEquals(1, outbox.deliverDue());
        Disposal delivered = client.as(GradingFixtures.READ).getDisposal(GetDisposalRequest.newBuilder().setName(blacklist.getName()).build());
        assertEquals(Disposal.IdentityDelivery.IDENTITY_DELIVERY_DELIVERED, delivered.getIdentityDelivery());
        BlacklistEntry entry = RealServices.identityAs("identity.read").getBlacklistEntry(GetBlacklistEntryRequest.newBuilder()
                .setName(delivered.getBlacklistEntry()).build());
        assertEquals(blacklist.getName(), entry.getSource());
        assertEquals(BlacklistEntry.State.STATE_ACTIVE, entry.getState());
        assertEquals("Art. 34; Art. 12 ¶1; platform rule 4.2", entry.getLegalBasis());
        assertTrue(entry.getReason().startsWith("BLACKLIST. Facts: On 2026-11-28"), entry.getReason());
        assertEquals(idNumber.substring(0, 4) + "**********" + idNumber.substring(14), entry.getIdentity());

        StatusRuntimeException roster = assertThrows(StatusRuntimeException.class, () -> RealServices.roster(operator, "s-after", host.getName()));
        assertEquals("MARKETER_BLACKLISTED", preconditionFailure(roster).getViolations(0).getType(), "identity enforces what grading decided");

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            // As if the first answer had been lost: the retry carries the same request id, so identity stores nothing twice.
            statement.executeUpdate("UPDATE outbox_events SET status = 'PENDING' WHERE source = '" + blacklist.getName() + "'");
        }
        assertEquals(1, outbox.deliverDue());
        assertEquals(delivered.getBlacklistEntry(), client.as(GradingFixtures.READ).getDisposal(GetDisposalRequest.newBuilder()
                .setName(blacklist.getName()).build()).getBlacklistEntry());
        assertEquals(0, outbox.deliverDue(), "nothing left to deliver");
    }

    @Test
    void anOverturnedAppealRevokesTheEntryInIdentityAfterItWasStored() {
        String idNumber = RealServices.freshIdNumber(LocalDate.of(1983, 3, 3));
        Marketer host = RealServices.marketer(idNumber, true);
        RoomOperator operator = RealServices.verifiedOperator();
        Room room = fixtures.room(GradingFixtures.roomInput().setRoomOperator(operator.getName()));
        Disposal blacklist = blacklist(room, host, idNumber);
        Appeal appeal = client.as(GradingFixtures.WRITE).fileAppeal(FileAppealRequest.newBuilder().setParent(blacklist.getName())
                .setAppeal(Appeal.newBuilder().setStatement("The goods were genuine: the brand's letter is attached.")
                        .addEvidence(Evidence.newBuilder().setArchiveLeafIndex(3))).build());
        client.as(GradingFixtures.DECIDE).decideAppeal(DecideAppealRequest.newBuilder().setName(appeal.getName())
                .setOutcome(Appeal.State.STATE_OVERTURNED).setDecisionReason("The brand confirmed the goods are genuine.").build());

        // Decided before identity stored the entry: the creation is delivered first, then the revocation.
        assertEquals(2, outbox.deliverDue());
        Disposal revoked = client.as(GradingFixtures.READ).getDisposal(GetDisposalRequest.newBuilder().setName(blacklist.getName()).build());
        assertEquals(Disposal.IdentityDelivery.IDENTITY_DELIVERY_REVOKED, revoked.getIdentityDelivery());
        BlacklistEntry entry = RealServices.identityAs("identity.read").getBlacklistEntry(GetBlacklistEntryRequest.newBuilder()
                .setName(revoked.getBlacklistEntry()).build());
        assertEquals(BlacklistEntry.State.STATE_REVOKED, entry.getState());
        assertEquals("The brand confirmed the goods are genuine.", entry.getRevokeReason());
        assertEquals(appeal.getName(), entry.getRevokeSource());
        RealServices.roster(operator, "s-after-appeal", host.getName());
        assertEquals(0, outbox.deliverDue(), "nothing left to deliver");
    }

    @Test
    void theHandoffOfAClosedRoomWaitsForConsumerRightsAndLeavesTheBlacklistDeliveryAlone() throws SQLException {
        // consumer-rights is not running here (application-test.yml points it at a closed port)
        Room room = fixtures.room();
        Violation violation = fixtures.violation(room, Severity.SEVERITY_GRAVE, TestClock.NOW);
        Disposal closure = client.as(GradingFixtures.DECIDE).createDisposal(CreateDisposalRequest.newBuilder().setParent(room.getName())
                .setDisposal(DisposalIT.decision(violation, Measure.MEASURE_ACCOUNT_CLOSURE)).build());

        assertEquals(0, outbox.deliverDue(), "nothing delivered while consumer-rights is down");

        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT status, attempts, last_error FROM outbox_events"
                     + " WHERE source = '" + closure.getName() + "'")) {
            assertTrue(row.next());
            assertEquals("PENDING", row.getString(1), "kept for the next attempt (Art. 23: nothing lost)");
            assertEquals(1, row.getInt(2));
            assertTrue(row.getString(3) != null && !row.getString(3).isBlank(), "the failure is kept for a person to see");
        }
        assertEquals(0, outbox.deliverDue(), "not due again before its backoff");
        assertEquals(closure.getIdentityDelivery(), client.as(GradingFixtures.READ).getDisposal(GetDisposalRequest.newBuilder()
                .setName(closure.getName()).build()).getIdentityDelivery());
    }
}
