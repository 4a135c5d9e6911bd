package org.devicelink.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.devicelink.i18n.Messages;
import org.devicelink.testing.Databases;
import org.devicelink.testing.Http;
import org.devicelink.testing.LinkServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real server answers each person in their language: the page and the API's problem details follow the browser's
 * {@code Accept-Language}; a language chosen on the page is remembered over it; anything forged is English.
 */
class LanguagesTest {

    @TempDir
    Path dir;
    LinkServerFixture fixture;
    Http http;

    @BeforeEach
    void start() {
        fixture = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of());
        http = fixture.http();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @ParameterizedTest
    @CsvSource({"'de-DE,de;q=0.9,en;q=0.5', de, ltr", "'ja', ja, ltr", "'ar-EG,ar;q=0.8', ar, rtl", "'pt-PT', pt-BR, ltr",
            "'fi,zh-Hans-CN;q=0.7', zh-CN, ltr"})
    void thePageIsInTheBrowsersFirstLanguageWeSpeak(String acceptLanguage, String tag, String direction) {
        var page = http.send(http.request("/link").header("Accept-Language", acceptLanguage));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"" + tag + "\" dir=\"" + direction + "\">")
                .contains(escaped(in(tag, "web.foot")))
                .contains("lang=\"" + tag + "\" aria-current=\"true\">" + in(tag, "language.self") + "</a>");
    }

    @ParameterizedTest
    @CsvSource({"de", "ja", "ar"})
    void theApisProblemDetailIsInTheClientsLanguage(String tag) {
        var refused = http.send(http.request("/api/v1/devices").header("Accept-Language", tag));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asText()).isEqualTo(in(tag, "problem.unauthenticated.no-token"));
    }

    @Test
    void aLanguageChosenOnThePageIsRememberedOverTheBrowsers() {
        var chosen = http.send(http.request("/link?lang=fr").header("Accept-Language", "de"));

        assertThat(chosen.body()).contains("<html lang=\"fr\"");
        String cookie = chosen.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("devicelink_lang=fr;").contains("HttpOnly").contains("SameSite=Lax");
        var later = http.send(http.request("/link").header("Accept-Language", "de").header("Cookie", "devicelink_lang=fr"));
        assertThat(later.body()).contains("<html lang=\"fr\"");
        assertThat(later.body()).as("every language is offered, each by its own name, here and back again")
                .contains("href=\"/link?lang&#61;ja\" hreflang=\"ja\" lang=\"ja\">日本語</a>").contains("href=\"/link?lang&#61;en\"");
    }

    @Test
    void aForgedLanguageIsIgnoredAndTheAnswerIsEnglish() {
        String junk = "x".repeat(600);
        var page = http.send(http.request("/link?lang=" + junk).header("Accept-Language", junk + ";q=abc")
                .header("Cookie", "devicelink_lang=../../etc/passwd"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\" dir=\"ltr\">");
        assertThat(page.raw().headers().firstValue("Set-Cookie")).as("nothing forged is remembered").isEmpty();
        var unknown = http.send(http.request("/link?lang=de-CH").header("Accept-Language", "sw, *;q=0.1"));
        assertThat(unknown.body()).as("a language we do not ship, exactly").contains("<html lang=\"en\"");
    }

    private static String in(String tag, String key) {
        Locale language = Locale.forLanguageTag(tag);
        return Messages.bundle(language).getString(key).replace("''", "'");
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
