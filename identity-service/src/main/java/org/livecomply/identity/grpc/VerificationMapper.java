package org.livecomply.identity.grpc;

import org.livecomply.commons.error.Violations;
import org.livecomply.identity.domain.SubjectType;
import org.livecomply.identity.domain.Verification;

/** Verifications between proto and domain. */
final class VerificationMapper {

    private VerificationMapper() {
    }

    /** The caller's fields; number, recorder and record time are the service's. */
    static Verification fromProto(SubjectType type, String subjectId, org.livecomply.api.identity.v1.Verification proto, String recordedBy,
                                  java.time.Instant now, Violations violations) {
        Verification.Method method = switch (proto.getMethod()) {
            case METHOD_UNSPECIFIED, UNRECOGNIZED -> null;
            default -> Verification.Method.valueOf(proto.getMethod().name().substring("METHOD_".length()));
        };
        Boolean passed = switch (proto.getResult()) {
            case RESULT_PASSED -> Boolean.TRUE;
            case RESULT_FAILED -> Boolean.FALSE;
            default -> null;
        };
        java.time.Instant verifyTime = ProtoValues.instant(proto.hasVerifyTime(), proto.getVerifyTime(), "verification.verify_time", violations);
        Verification.check(method, proto.getProvider(), proto.getProviderReference(), passed,
                verifyTime, proto.getNote(), now, violations);
        return violations.isEmpty()
                ? new Verification(type, subjectId, 0, method, proto.getProvider(), proto.getProviderReference(), passed, verifyTime,
                proto.getNote(), recordedBy, null)
                : null;
    }

    static org.livecomply.api.identity.v1.Verification toProto(Verification v) {
        return org.livecomply.api.identity.v1.Verification.newBuilder()
                .setName(v.name())
                .setMethod(org.livecomply.api.identity.v1.Verification.Method.valueOf("METHOD_" + v.method().name()))
                .setProvider(v.provider())
                .setProviderReference(v.providerReference())
                .setResult(v.passed() ? org.livecomply.api.identity.v1.Verification.Result.RESULT_PASSED
                        : org.livecomply.api.identity.v1.Verification.Result.RESULT_FAILED)
                .setVerifyTime(ProtoValues.timestamp(v.verifyTime()))
                .setNote(v.note())
                .setRecordedBy(v.recordedBy())
                .setRecordTime(ProtoValues.timestamp(v.recordTime()))
                .build();
    }
}
