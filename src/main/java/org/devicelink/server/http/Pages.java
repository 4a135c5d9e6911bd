package org.devicelink.server.http;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.io.StringWriter;
import java.util.List;
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
        var out = new StringWriter();
        // what every page has (its language, direction, sentences and switcher), under the page's own model
        compiled.computeIfAbsent(file, factory::compile).execute(out, List.<Object>of(Languages.pageScope(ctx), model));
        return out.toString();
    }
}
