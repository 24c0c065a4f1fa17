package org.livecomply.training;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateMcnInstitutionRequest;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.LiveAccount;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.McnInstitution;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.PostalAddress;
import org.livecomply.commons.auth.TokenMinter;
import org.livecomply.sdk.BearerToken;
import org.livecomply.sdk.RequestIdInterceptor;
import org.livecomply.testsupport.ServiceProcess;

/**
 * Subjects registered in the real identity-service process through its API, as the platform would.
 * Identity runs on the real clock, so its tokens are minted at the real time.
 */
final class IdentitySubjects implements AutoCloseable {

    private static final AtomicInteger SERIAL = new AtomicInteger(200000);

    private final ManagedChannel channel;

    IdentitySubjects(ServiceProcess identity) {
        this.channel = ManagedChannelBuilder.forTarget(identity.grpcAddress()).usePlaintext().intercept(new RequestIdInterceptor()).build();
    }

    private IdentityServiceGrpc.IdentityServiceBlockingStub identity() {
        String token = TokenMinter.mintHs256(TrainingServiceClient.SECRET, "training-test", List.of("identity.write", "identity.read"),
                Instant.now(), Duration.ofMinutes(10));
        return IdentityServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token));
    }

    Marketer marketer() {
        return marketer("");
    }

    /** A marketer, affiliated to {@code mcn} ({@code mcnInstitutions/{id}}) unless it is empty. */
    Marketer marketer(String mcn) {
        int serial = SERIAL.incrementAndGet();
        return identity().createMarketer(CreateMarketerRequest.newBuilder().setMarketer(Marketer.newBuilder()
                .setLegalName("李四")
                .setIdNumber(idNumber(LocalDate.of(1990, 1, 1).plusDays(serial % 5000), serial))
                .setHabitualAddress(address())
                .setContact(Contact.newBuilder().setPhone("13987654321"))
                .setMcnInstitution(mcn)
                .setOccupation("主播")).build());
    }

    RoomOperator roomOperator() {
        return identity().createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRoomOperator(RoomOperator.newBuilder()
                .setKind(RoomOperator.Kind.KIND_REGISTERED_ENTITY)
                .setLegalName("杭州示例电子商务有限公司")
                .setUscc(uscc(SERIAL.incrementAndGet()))
                .setBusinessAddress(address())
                .setContact(Contact.newBuilder().setPhone("13812345678"))
                .addLiveAccounts(LiveAccount.newBuilder().setAccountId("acct-" + UUID.randomUUID().toString().substring(0, 12))
                        .setDisplayName("示例优选直播间"))).build());
    }

    McnInstitution mcn() {
        return identity().createMcnInstitution(CreateMcnInstitutionRequest.newBuilder().setMcnInstitution(McnInstitution.newBuilder()
                .setLegalName("杭州星光文化传媒有限公司")
                .setUscc(uscc(SERIAL.incrementAndGet()))
                .setBusinessAddress(address())
                .setContact(Contact.newBuilder().setPhone("057188886666"))).build());
    }

    private static PostalAddress.Builder address() {
        return PostalAddress.newBuilder().setRegionCode("CN").setProvince("浙江省").setCity("杭州市").setDistrict("西湖区")
                .setStreetAddress("文三路100号").setPostalCode("310012");
    }

    /** A well-formed USCC: serial in the organisation code, GB 32100-2015 check character computed here. */
    private static String uscc(int serial) {
        String body = "91330106MA" + String.format("%07d", serial);
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += charset.indexOf(body.charAt(i)) * weights[i];
        }
        int check = 31 - sum % 31;
        return body + charset.charAt(check == 31 ? 0 : check);
    }

    /** A well-formed resident ID number born on {@code birth}: GB 11643-1999 check digit computed here. */
    private static String idNumber(LocalDate birth, int serial) {
        String body = "330106" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", serial % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
