package org.devicelink.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The server's few HTML pages: templates from {@code resources/pages} with {@code {{name}}} slots. */
public final class Pages {

    private Pages() {}

    public static String load(String name) {
        try (InputStream in = Pages.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("pages/" + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read pages/" + name, e);
        }
    }

    /** Fills the slots; values are inserted as they are, so escape text with {@link #escape} first. */
    public static String render(String template, Map<String, String> slots) {
        String page = template;
        for (var slot : slots.entrySet()) {
            page = page.replace("{{" + slot.getKey() + "}}", slot.getValue());
        }
        return page;
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
