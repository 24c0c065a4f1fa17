package org.livecomply.commons.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.LiveAccount;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.commons.TestEnvironments;
import org.livecomply.commons.config.IntegrityKeys;

class RequestFingerprintsTest {

    private final RequestFingerprints fingerprints = withSecret("fingerprint-test-secret-0123456789abcdef");

    private static RequestFingerprints withSecret(String secret) {
        return new RequestFingerprints(new IntegrityKeys(secret, TestEnvironments.of("prod")));
    }

    private static CreateRoomOperatorRequest request(String requestId, String idNumber) {
        return CreateRoomOperatorRequest.newBuilder()
                .setRequestId(requestId)
                .setRoomOperator(RoomOperator.newBuilder()
                        .setKind(RoomOperator.Kind.KIND_NATURAL_PERSON)
                        .setLegalName("张三")
                        .setIdNumber(idNumber)
                        .addLiveAccounts(LiveAccount.newBuilder().setAccountId("acc-1").build()))
                .build();
    }

    @Test
    void theRequestIdDoesNotChangeTheFingerprint() {
        String first = fingerprints.of(request("req-1", "110105199001011234"));
        assertTrue(first.matches("[0-9a-f]{64}"), first);
        assertEquals(first, fingerprints.of(request("req-2", "110105199001011234")));
        assertEquals(first, fingerprints.of(request("", "110105199001011234")));
    }

    @Test
    void anyContentChangeChangesTheFingerprint() {
        String base = fingerprints.of(request("req-1", "110105199001011234"));
        assertNotEquals(base, fingerprints.of(request("req-1", "110105199001011235")));
        assertNotEquals(base, fingerprints.of(request("req-1", "110105199001011234").toBuilder()
                .setRoomOperator(request("req-1", "110105199001011234").getRoomOperator().toBuilder().setLegalName("李四"))
                .build()));
        assertNotEquals(base, fingerprints.of(request("req-1", "110105199001011234").toBuilder()
                .setRoomOperator(request("req-1", "110105199001011234").getRoomOperator().toBuilder()
                        .addLiveAccounts(LiveAccount.newBuilder().setAccountId("acc-2")))
                .build()));
        assertNotEquals(base, fingerprints.of(CreateRoomOperatorRequest.newBuilder().setRequestId("req-1").build()));
    }

    @Test
    void isKeyedSoThatAnIdNumberCannotBeGuessedFromIt() {
        CreateRoomOperatorRequest request = request("req-1", "110105199001011234");
        String keyed = fingerprints.of(request);
        assertNotEquals(keyed, withSecret("another-service-secret-0123456789abcdef").of(request));
        try {
            byte[] bare = MessageDigest.getInstance("SHA-256").digest(request.toBuilder().clearRequestId().build().toByteArray());
            assertNotEquals(HexFormat.of().formatHex(bare), keyed);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void worksForMessagesWithoutARequestId() {
        String get = fingerprints.of(GetRoomOperatorRequest.newBuilder().setName("roomOperators/1").build());
        assertEquals(get, fingerprints.of(GetRoomOperatorRequest.newBuilder().setName("roomOperators/1").build()));
        assertNotEquals(get, fingerprints.of(GetRoomOperatorRequest.newBuilder().setName("roomOperators/2").build()));
    }
}
