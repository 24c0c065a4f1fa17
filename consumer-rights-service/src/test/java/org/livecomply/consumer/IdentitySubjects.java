package org.livecomply.consumer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.LiveAccount;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.PostalAddress;

/** A room operator and a marketer registered in the real identity service. */
final class IdentitySubjects {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 500));

    private IdentitySubjects() {
    }

    static RoomOperator roomOperator(String liveAccount) {
        return RealServices.identityAs("identity.write").createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRequestId("ro-" + UUID.randomUUID())
                .setRoomOperator(RoomOperator.newBuilder().setKind(RoomOperator.Kind.KIND_NATURAL_PERSON).setLegalName("张三")
                        .setIdNumber(idNumber(LocalDate.of(1990, 1, 1))).setBusinessAddress(address())
                        .setContact(Contact.newBuilder().setPhone("13812345678"))
                        .addLiveAccounts(LiveAccount.newBuilder().setAccountId(liveAccount).setDisplayName("张三的直播间")))
                .build());
    }

    static Marketer marketer() {
        return RealServices.identityAs("identity.write").createMarketer(CreateMarketerRequest.newBuilder().setRequestId("mk-" + UUID.randomUUID())
                .setMarketer(Marketer.newBuilder().setLegalName("李四").setIdNumber(idNumber(LocalDate.of(1995, 5, 5)))
                        .setHabitualAddress(address()).setContact(Contact.newBuilder().setPhone("13987654321")).setOccupation("主播"))
                .build());
    }

    static PostalAddress.Builder address() {
        return PostalAddress.newBuilder().setRegionCode("CN").setProvince("浙江省").setCity("杭州市").setDistrict("西湖区")
                .setStreetAddress("文三路100号").setPostalCode("310012");
    }

    /** A well-formed resident ID number (GB 11643-1999 check computed here). */
    static String idNumber(LocalDate birth) {
        String body = "330106" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", SERIAL.incrementAndGet() % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
