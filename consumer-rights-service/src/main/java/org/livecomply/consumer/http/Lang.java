package org.livecomply.consumer.http;

import io.micronaut.http.HttpRequest;
import java.util.Locale;

/** The language of the public pages and errors: Chinese by default, English on {@code ?lang=en} or an English Accept-Language. */
public enum Lang {
    ZH("zh-CN"), EN("en");

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Lang other() {
        return this == ZH ? EN : ZH;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code lang} parameter first (zh or en), then the first supported language of Accept-Language, else Chinese. */
    public static Lang of(HttpRequest<?> request, String explicit) {
        String parameter = explicit != null ? explicit : request.getParameters().get("lang");
        if ("en".equalsIgnoreCase(parameter)) {
            return EN;
        }
        if ("zh".equalsIgnoreCase(parameter)) {
            return ZH;
        }
        String accept = request.getHeaders().get("Accept-Language");
        if (accept != null) {
            for (String range : accept.split(",")) {
                String language = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
                if (language.startsWith("zh")) {
                    return ZH;
                }
                if (language.startsWith("en")) {
                    return EN;
                }
            }
        }
        return ZH;
    }
}
