package org.livecomply.consumer.http;

import java.util.HashMap;
import java.util.Map;

/** What every public page's model holds, and the one page rendered without a template (errors before routing). */
public final class Pages {

    private Pages() {
    }

    /** The texts, the language and the link to the same page in the other language. */
    public static Map<String, Object> model(Lang lang, String path) {
        Map<String, Object> model = new HashMap<>();
        model.put("t", Messages.all(lang));
        model.put("lang", lang.tag());
        model.put("langCode", lang.code());
        model.put("switchUrl", path + (path.contains("?") ? "&" : "?") + "lang=" + lang.other().code());
        return model;
    }

    /** A minimal, fully escaped HTML page carrying one message. */
    public static String plainError(Lang lang, String messageKey) {
        return "<!DOCTYPE html><html lang=\"" + lang.tag() + "\"><head><meta charset=\"utf-8\"><title>" + escape(Messages.get(lang, "title.error"))
                + "</title></head><body><h1>" + escape(Messages.get(lang, "title.error")) + "</h1><p>" + escape(Messages.get(lang, messageKey))
                + "</p></body></html>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
