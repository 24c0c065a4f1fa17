package org.livecomply.commons.config;

import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys come from the environment (Kubernetes Secrets). Outside the {@code dev} and {@code test}
 * environments a missing key stops the service at start; in those two a published, well-known dev key is
 * used with a warning, so a fresh clone runs without setup but never protects real data with it.
 */
public final class Secrets {

    private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);

    private Secrets() {
    }

    public static boolean devDefaultsAllowed(Environment environment) {
        return environment.getActiveNames().contains(Environment.DEVELOPMENT)
                || environment.getActiveNames().contains(Environment.TEST);
    }

    public static String require(String value, String envName, Environment environment, String devDefault) {
        if (value != null && !value.isBlank()) {
            return value.trim();
        }
        if (devDefaultsAllowed(environment)) {
            LOG.warn("{} is not set: using the published DEV key. Never use this outside development.", envName);
            return devDefault;
        }
        throw new ConfigurationException(envName + " must be set (environments " + environment.getActiveNames()
                + " do not allow the dev default)");
    }

    /** Decodes a base64 key of exactly {@code bytes} bytes, naming the variable in the error. */
    public static byte[] base64Key(String value, String envName, int bytes) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(envName + " is not valid base64");
        }
        if (key.length != bytes) {
            throw new ConfigurationException(envName + " must decode to " + bytes + " bytes, not " + key.length);
        }
        return key;
    }
}
