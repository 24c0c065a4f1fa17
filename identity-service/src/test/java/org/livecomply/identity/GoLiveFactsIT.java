package org.livecomply.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.identity.IdentityFixtures.READ;
import static org.livecomply.identity.IdentityFixtures.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.BlacklistEntry;
import org.livecomply.api.identity.v1.CreateBlacklistEntryRequest;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.GetGoLiveFactsRequest;
import org.livecomply.api.identity.v1.GoLiveFacts;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.MarketerFacts;
import org.livecomply.api.identity.v1.RecordGuardianConsentRequest;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SubmitSessionRosterRequest;

/** GetGoLiveFacts: the gate's identity questions for one session in one read (Arts. 8, 14, 28; MPL Art. 76). */
@MicronautTest(environments = "test")
class GoLiveFactsIT extends IdentityApiTest {

    private static final String UNKNOWN_MARKETER = "marketers/00000000-0000-4000-8000-000000000000";

    private GoLiveFacts facts(RoomOperator operator, String session, String... marketers) {
        return client.as(READ).getGoLiveFacts(GetGoLiveFactsRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId(session)
                .addAllMarketers(List.of(marketers)).build());
    }

    @Test
    void answersTheOperatorTheRosterAndEachMarketerInTheOrderAsked() {
        RoomOperator operator = fixtures.entity();
        fixtures.verify(operator.getName(), true, TestClock.NOW);
        Marketer adult = fixtures.marketer(LocalDate.of(1990, 5, 5));
        fixtures.verify(adult.getName(), true, TestClock.NOW);
        Marketer minor = fixtures.marketer(LocalDate.of(2009, 6, 1));
        client.as(WRITE).submitSessionRoster(SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName()).setSessionId("s-1")
                .addMarketers(adult.getName()).build());

        GoLiveFacts facts = facts(operator, "s-1", minor.getName(), adult.getName(), UNKNOWN_MARKETER);

        assertEquals(operator.getName(), facts.getRoomOperator().getName());
        assertTrue(facts.getRoomOperator().getRegistered());
        assertEquals(RoomOperator.State.STATE_VERIFIED, facts.getRoomOperator().getState());
        assertTrue(facts.getRoomOperator().hasReverificationDueTime());
        assertTrue(facts.getRosterSubmitted());
        assertEquals(List.of(adult.getName()), facts.getRosterMarketersList());
        assertEquals(List.of(minor.getName(), adult.getName(), UNKNOWN_MARKETER), facts.getMarketersList().stream().map(MarketerFacts::getName).toList());

        MarketerFacts minorFacts = facts.getMarketers(0);
        assertEquals(Marketer.State.STATE_PENDING_VERIFICATION, minorFacts.getState());
        assertEquals(2009, minorFacts.getBirthDate().getYear());
        assertFalse(minorFacts.getGuardianConsent());
        assertFalse(minorFacts.getVerificationCurrent(), "never checked");
        MarketerFacts adultFacts = facts.getMarketers(1);
        assertEquals(Marketer.State.STATE_VERIFIED, adultFacts.getState());
        assertTrue(adultFacts.getVerificationCurrent());
        assertFalse(adultFacts.getBlacklisted());
        assertFalse(facts.getMarketers(2).getRegistered());
        assertEquals(Marketer.State.STATE_UNSPECIFIED, facts.getMarketers(2).getState());

        assertFalse(facts(operator, "s-other", adult.getName()).getRosterSubmitted());
    }

    @Test
    void consentStaleChecksAndBlacklistingShowAsTheyHappen() {
        RoomOperator operator = fixtures.entity();
        fixtures.verify(operator.getName(), true, TestClock.NOW);
        Marketer minor = fixtures.marketer(LocalDate.of(2009, 6, 1));
        fixtures.verify(minor.getName(), true, TestClock.NOW);
        client.as(WRITE).recordGuardianConsent(RecordGuardianConsentRequest.newBuilder().setMarketer(minor.getName())
                .setGuardianConsent(org.livecomply.api.identity.v1.GuardianConsent.newBuilder().setGuardianName("赵六")
                        .setGuardianIdNumber(RoomOperators.freshIdNumber(LocalDate.of(1978, 8, 8))).setRelationship("母亲")
                        .setConsentDocumentSha256("a".repeat(64)).setConsentTime(IdentityFixtures.timestamp(TestClock.NOW))).build());
        Marketer.Builder person = IdentityFixtures.marketerInput(LocalDate.of(1985, 1, 1));
        Marketer listed = client.as(WRITE).createMarketer(CreateMarketerRequest.newBuilder().setMarketer(person).build());
        fixtures.verify(listed.getName(), true, TestClock.NOW);

        GoLiveFacts before = facts(operator, "s-2", minor.getName(), listed.getName());
        assertTrue(before.getMarketers(0).getGuardianConsent());
        assertFalse(before.getMarketers(1).getBlacklisted());

        client.as("identity.blacklist.write").createBlacklistEntry(CreateBlacklistEntryRequest.newBuilder().setBlacklistEntry(
                BlacklistEntry.newBuilder().setIdentityType(BlacklistEntry.IdentityType.IDENTITY_TYPE_RESIDENT_ID).setIdentity(person.getIdNumber())
                        .setReason("Sold counterfeit goods").setLegalBasis("Art. 12 ¶1").setAppealChannel("appeals@platform.example")
                        .setStartTime(IdentityFixtures.timestamp(TestClock.NOW))).build());
        assertTrue(facts(operator, "s-2", listed.getName()).getMarketers(0).getBlacklisted());
        assertFalse(facts(operator, "s-2", listed.getName()).getRoomOperator().getBlacklisted());

        clock.set(TestClock.NOW.plus(Duration.ofDays(30)));
        assertTrue(facts(operator, "s-2", minor.getName()).getMarketers(0).getVerificationCurrent(), "30 days is still within the re-check period");
        clock.set(TestClock.NOW.plus(Duration.ofDays(30)).plusSeconds(1));
        assertFalse(facts(operator, "s-2", minor.getName()).getMarketers(0).getVerificationCurrent());
    }

    @Test
    void anUnknownOperatorIsAnsweredAsNotRegistered() {
        RoomOperator unknown = RoomOperator.newBuilder().setName("roomOperators/00000000-0000-4000-8000-000000000001").build();
        GoLiveFacts facts = facts(unknown, "s-3");
        assertFalse(facts.getRoomOperator().getRegistered());
        assertFalse(facts.getRosterSubmitted());
        assertEquals(0, facts.getMarketersCount());
    }

    @Test
    void badInputIsRefusedFieldByField() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getGoLiveFacts(GetGoLiveFactsRequest.newBuilder()
                .setRoomOperator("operators/x").setSessionId("has space").addMarketers("marketers/not-a-uuid")
                .addMarketers(UNKNOWN_MARKETER).addMarketers(UNKNOWN_MARKETER).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(Set.of("room_operator", "session_id", "marketers[0]", "marketers[2]"), Set.copyOf(badFields(e)));

        GetGoLiveFactsRequest.Builder tooMany = GetGoLiveFactsRequest.newBuilder().setRoomOperator(UNKNOWN_MARKETER.replace("marketers", "roomOperators"))
                .setSessionId("s");
        for (int i = 0; i < 51; i++) {
            tooMany.addMarketers(String.format("marketers/00000000-0000-4000-8000-%012d", i));
        }
        StatusRuntimeException many = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getGoLiveFacts(tooMany.build()));
        assertTrue(badFields(many).contains("marketers"));
        assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).getGoLiveFacts(GetGoLiveFactsRequest.newBuilder()
                .setRoomOperator(UNKNOWN_MARKETER.replace("marketers", "roomOperators")).setSessionId("s").build()), "needs identity.read");
    }
}
