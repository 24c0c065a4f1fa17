package org.livecomply.identity.repository;

/** The address and contact columns every subject row stores the same way (street, phone, e-mail sealed). */
interface SealedColumns {

    String regionCode();

    String province();

    String city();

    String district();

    String streetCipher();

    String streetMasked();

    String postalCode();

    String phoneCipher();

    String phoneMasked();

    String emailCipher();

    String emailMasked();

    default PersonalData.SealedAddress address() {
        return new PersonalData.SealedAddress(regionCode(), province(), city(), district(), streetCipher(), streetMasked(), postalCode());
    }

    default PersonalData.SealedContact contact() {
        return new PersonalData.SealedContact(phoneCipher(), phoneMasked(), emailCipher(), emailMasked());
    }
}
