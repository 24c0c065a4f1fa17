package org.livecomply.sdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.protobuf.StatusProto;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.function.Executable;
import org.livecomply.api.identity.v1.LiveAccount;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.PostalAddress;

/** What the fakes' tests share: a clock to move, subjects to register, and readers of the error details. */
final class FakeSupport {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private FakeSupport() {
    }

    /** A clock a test moves. */
    static final class TestClock extends Clock {

        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A channel to the fakes without the SDK's interceptors: requests go exactly as built (no request id filled). */
    static ManagedChannel rawChannel(LiveComplyFakes fakes) {
        return InProcessChannelBuilder.forName(fakes.serverName()).build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }

    static PostalAddress address() {
        return PostalAddress.newBuilder().setProvince("浙江省").setCity("杭州市").setDistrict("西湖区").setStreetAddress("文三路100号").build();
    }

    static RoomOperator naturalPerson(LocalDate birthDate) {
        return RoomOperator.newBuilder().setKind(RoomOperator.Kind.KIND_NATURAL_PERSON).setLegalName("张三")
                .setIdNumber(TestIdentities.residentIdNumber(birthDate)).setBusinessAddress(address())
                .setContact(Contact.newBuilder().setPhone("13812345678").setEmail("zhang@example.cn"))
                .addLiveAccounts(LiveAccount.newBuilder().setAccountId("acct-" + UUID.randomUUID().toString().substring(0, 8))).build();
    }

    static RoomOperator entity() {
        return RoomOperator.newBuilder().setKind(RoomOperator.Kind.KIND_REGISTERED_ENTITY).setLegalName("杭州示例电子商务有限公司")
                .setUscc(TestIdentities.uscc()).setBusinessAddress(address()).setContact(Contact.newBuilder().setPhone("0571-88886666"))
                .addLiveAccounts(LiveAccount.newBuilder().setAccountId("acct-" + UUID.randomUUID().toString().substring(0, 8))).build();
    }

    static Marketer marketer(LocalDate birthDate) {
        return Marketer.newBuilder().setLegalName("李四").setIdNumber(TestIdentities.residentIdNumber(birthDate)).setHabitualAddress(address())
                .setContact(Contact.newBuilder().setPhone("13987654321")).setOccupation("主播").build();
    }

    static StatusRuntimeException refused(Status.Code code, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
        return e;
    }

    static ErrorInfo errorInfo(StatusRuntimeException e) {
        return detail(e, ErrorInfo.class);
    }

    static List<String> badFields(StatusRuntimeException e) {
        return detail(e, BadRequest.class).getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList();
    }

    static List<String> ruleTypes(StatusRuntimeException e) {
        return detail(e, PreconditionFailure.class).getViolationsList().stream().map(PreconditionFailure.Violation::getType).toList();
    }

    static <T extends Message> T detail(StatusRuntimeException e, Class<T> type) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        for (Any any : status == null ? List.<Any>of() : status.getDetailsList()) {
            if (any.is(type)) {
                try {
                    return any.unpack(type);
                } catch (InvalidProtocolBufferException ex) {
                    throw new AssertionError(ex);
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + e.getStatus());
    }
}
