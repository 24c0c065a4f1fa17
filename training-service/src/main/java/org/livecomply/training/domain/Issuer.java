package org.livecomply.training.domain;

/**
 * Who delivered a training: the platform, or an MCN training its own marketers (Arts. 38, 41).
 * {@code mcnId} is null for the platform.
 */
public record Issuer(String mcnId) {

    public static final String PLATFORM_NAME = "platform";
    public static final Issuer PLATFORM = new Issuer(null);

    public boolean isPlatform() {
        return mcnId == null;
    }

    public Subject mcn() {
        return new Subject(Audience.MCN, mcnId);
    }

    public String name() {
        return isPlatform() ? PLATFORM_NAME : mcn().name();
    }

    public static Issuer ofName(String name) {
        return PLATFORM_NAME.equals(name) ? PLATFORM : new Issuer(name.substring(Audience.MCN.collection().length()));
    }
}
