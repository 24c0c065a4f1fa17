package org.livecomply.identity.repository;

import jakarta.inject.Singleton;
import org.livecomply.commons.pii.BlindIndex;
import org.livecomply.commons.pii.Masking;
import org.livecomply.commons.pii.PiiCipher;
import org.livecomply.identity.domain.Contact;
import org.livecomply.identity.domain.PostalAddress;

/**
 * How identity's personal data go into rows (PIPL Art. 51): encrypted under the column's name, with a
 * mask for display and, for ID numbers, the blind index every table shares (so one lookup finds a
 * person as operator, marketer, guardian or blacklisted identity).
 */
@Singleton
public class PersonalData {

    public static final String RESIDENT_ID_INDEX = "resident-id";

    private final PiiCipher cipher;
    private final BlindIndex blindIndex;

    public PersonalData(PiiCipher cipher, BlindIndex blindIndex) {
        this.cipher = cipher;
        this.blindIndex = blindIndex;
    }

    public String residentIdIndex(String idNumber) {
        return blindIndex.of(RESIDENT_ID_INDEX, idNumber);
    }

    public String encrypt(String value, String column) {
        return value == null || value.isEmpty() ? null : cipher.encrypt(value, column);
    }

    public String decrypt(String ciphertext, String column) {
        return ciphertext == null ? null : cipher.decrypt(ciphertext, column);
    }

    /** The street line sealed for {@code table}. */
    public SealedAddress seal(PostalAddress address, String table) {
        return new SealedAddress(address.regionOrDefault(), address.province(), address.city(), address.district(),
                encrypt(address.streetAddress(), table + ".street"), Masking.text(address.streetAddress()), blankToNull(address.postalCode()));
    }

    public SealedContact seal(Contact contact, String table) {
        String email = blankToNull(contact.email());
        return new SealedContact(encrypt(contact.phone(), table + ".phone"), Masking.phone(contact.phone()),
                encrypt(email, table + ".email"), email == null ? null : Masking.email(email));
    }

    /** An address with its street line in clear, for an audited disclosure. */
    public PostalAddress open(SealedAddress sealed, String table) {
        return sealed.withStreet(decrypt(sealed.streetCipher(), table + ".street"));
    }

    public Contact open(SealedContact sealed, String table) {
        return new Contact(decrypt(sealed.phoneCipher(), table + ".phone"), decrypt(sealed.emailCipher(), table + ".email"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Address columns as stored. */
    public record SealedAddress(String regionCode, String province, String city, String district,
                                String streetCipher, String streetMasked, String postalCode) {

        public PostalAddress masked() {
            return withStreet(streetMasked);
        }

        PostalAddress withStreet(String street) {
            return new PostalAddress(regionCode, province, city, district, street, postalCode);
        }
    }

    /** Contact columns as stored. */
    public record SealedContact(String phoneCipher, String phoneMasked, String emailCipher, String emailMasked) {

        public Contact masked() {
            return new Contact(phoneMasked, emailMasked);
        }
    }
}
