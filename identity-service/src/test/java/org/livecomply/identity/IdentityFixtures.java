package org.livecomply.identity;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RecordVerificationRequest;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.Verification;
import org.livecomply.api.type.v1.Contact;

/** Subjects and verifications created through the API, for tests that need them as a starting point. */
final class IdentityFixtures {

    static final String WRITE = "identity.write";
    static final String READ = "identity.read";
    static final String VERIFY = "identity.verify";

    private final IdentityServiceClient client;

    IdentityFixtures(IdentityServiceClient client) {
        this.client = client;
    }

    RoomOperator entity() {
        return client.as(WRITE).createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRoomOperator(RoomOperators.entity()).build());
    }

    Marketer marketer(LocalDate birth) {
        return client.as(WRITE).createMarketer(CreateMarketerRequest.newBuilder().setMarketer(marketerInput(birth)).build());
    }

    static Marketer.Builder marketerInput(LocalDate birth) {
        return Marketer.newBuilder()
                .setLegalName("李四")
                .setIdNumber(RoomOperators.freshIdNumber(birth))
                .setHabitualAddress(RoomOperators.address())
                .setContact(Contact.newBuilder().setPhone("13987654321").setEmail("lisi@example.cn"))
                .setOccupation("主播");
    }

    Verification verify(String parent, boolean passed, Instant at) {
        return client.as(VERIFY).recordVerification(RecordVerificationRequest.newBuilder().setParent(parent)
                .setVerification(check(passed, at)).build());
    }

    static Verification.Builder check(boolean passed, Instant at) {
        return Verification.newBuilder()
                .setMethod(Verification.Method.METHOD_ID_AND_LIVENESS)
                .setProvider("ctid")
                .setProviderReference("ref-" + RoomOperators.uniqueAccount())
                .setResult(passed ? Verification.Result.RESULT_PASSED : Verification.Result.RESULT_FAILED)
                .setVerifyTime(timestamp(at));
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }
}
