package org.livecomply.identity;

import java.util.UUID;
import org.livecomply.api.identity.v1.AdministrativeLicence;
import org.livecomply.api.identity.v1.LiveAccount;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.Date;
import org.livecomply.api.type.v1.PostalAddress;

/** Valid registrations to start tests from (check characters computed independently of the code under test). */
final class RoomOperators {

    static final String USCC = "91350100M000100Y43";
    static final String ID_NUMBER_1990 = "110105199001011232";
    static final String ID_NUMBER_TURNS_16_TODAY = "11010520101129001X";
    static final String ID_NUMBER_UNDER_16 = "110105201011300038";
    static final String STREET = "文三路100号华星科技大厦8楼";
    static final String PHONE = "13812345678";

    private RoomOperators() {
    }

    static RoomOperator.Builder entity() {
        return RoomOperator.newBuilder()
                .setKind(RoomOperator.Kind.KIND_REGISTERED_ENTITY)
                .setLegalName("杭州示例电子商务有限公司")
                .setUscc(freshUscc())
                .setBusinessAddress(address())
                .setContact(Contact.newBuilder().setPhone(PHONE).setEmail("compliance@example.cn"))
                .addLicences(AdministrativeLicence.newBuilder().setKind("食品经营许可证").setNumber("JY13301060000001")
                        .setIssuer("杭州市西湖区市场监督管理局").setValidUntil(Date.newBuilder().setYear(2029).setMonth(6).setDay(30)))
                .addLiveAccounts(LiveAccount.newBuilder().setAccountId(uniqueAccount()).setDisplayName("示例优选直播间"));
    }

    static RoomOperator.Builder person(String idNumber) {
        return RoomOperator.newBuilder()
                .setKind(RoomOperator.Kind.KIND_NATURAL_PERSON)
                .setLegalName("张三")
                .setIdNumber(idNumber)
                .setBusinessAddress(address())
                .setContact(Contact.newBuilder().setPhone(PHONE))
                .addLiveAccounts(LiveAccount.newBuilder().setAccountId(uniqueAccount()).setDisplayName("张三的直播间"));
    }

    static PostalAddress.Builder address() {
        return PostalAddress.newBuilder().setRegionCode("CN").setProvince("浙江省").setCity("杭州市").setDistrict("西湖区")
                .setStreetAddress(STREET).setPostalCode("310012");
    }

    private static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger(100000);

    /** A fresh well-formed USCC: serial in the organisation code, GB 32100-2015 check computed here. */
    static String freshUscc() {
        String body = "91330106MA" + String.format("%07d", SERIAL.incrementAndGet());
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += charset.indexOf(body.charAt(i)) * weights[i];
        }
        int check = 31 - sum % 31;
        return body + charset.charAt(check == 31 ? 0 : check);
    }

    /** A fresh well-formed resident ID number born on {@code birth}: GB 11643-1999 check computed here. */
    static String freshIdNumber(java.time.LocalDate birth) {
        String body = "330106" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", SERIAL.incrementAndGet() % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static String uniqueAccount() {
        return "acct-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
