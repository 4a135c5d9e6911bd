package org.devicelink.server.http;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's HTML pages: Mustache templates in {@code resources/pages}, rendered through Javalin's
 * {@link FileRenderer} ({@code ctx.render("login.mustache", model)}). Mustache escapes every value it inserts and
 * never re-reads what it inserted, so no text a person or device sent can become markup.
 */
public final class Pages implements FileRenderer {

    private final MustacheFactory factory = new DefaultMustacheFactory("pages");
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    @Override
    public String render(String file, Map<String, ?> model, Context ctx) {
        return render(file, model);
    }

    public String render(String file, Map<String, ?> model) {
        var out = new StringWriter();
        compiled.computeIfAbsent(file, factory::compile).execute(out, model);
        return out.toString();
    }
}
