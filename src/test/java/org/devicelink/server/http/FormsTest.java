package org.devicelink.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our form parser reads what browsers and device clients send exactly as the JDK's decoder would, and refuses the rest. */
class FormsTest {

    private static Forms.Form form(String body) {
        return Forms.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> parse(String body) {
        return form(body).all();
    }

    @Test
    void readsNamesValuesAndEscapes() {
        var params = parse("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_name=Living+room%20TV"
                + "&scope=&flag&caf%C3%A9=na%c3%afve&raw=café");

        assertThat(params).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", List.of("urn:ietf:params:oauth:grant-type:device_code"),
                "device_name", List.of("Living room TV"),
                "scope", List.of(""),
                "flag", List.of(""),
                "café", List.of("naïve"),
                "raw", List.of("café")));
    }

    @Test
    void emptyPairsAreSkippedAndRepeatsKept() {
        var form = form("&&a=1&&a=2&=x&");

        assertThat(form.all()).containsExactlyInAnyOrderEntriesOf(Map.of("a", List.of("1", "2"), "", List.of("x")));
        assertThatThrownBy(() -> form.single("a")).isInstanceOf(OAuthProblem.class)
                .hasMessage("Parameter a was sent more than once.");
        assertThat(form.first("a")).isEqualTo("1");
        assertThat(form.single("absent")).isNull();
    }

    /** A name is found however it was sent: escaped, as a plus, or as raw UTF-8; and a prefix is not the name. */
    @Test
    void namesAreFoundAsTheirDecodedText() {
        var form = form("client%5Fid=a&my+name=b&caf%C3%A9=c&naïve=d&device_code_x=e&device=f&flag");

        assertThat(form.single("client_id")).isEqualTo("a");
        assertThat(form.single("my name")).isEqualTo("b");
        assertThat(form.single("café")).isEqualTo("c");
        assertThat(form.single("naïve")).isEqualTo("d");
        assertThat(form.single("device_code")).isNull();
        assertThat(form.single("flag")).isEmpty();
        assertThatThrownBy(() -> form("client_id=a&client%5fid=b").single("client_id")).isInstanceOf(OAuthProblem.class);
    }

    @Test
    void aBrokenEscapeIsAnInvalidRequest() {
        for (String body : List.of("a=%", "a=%4", "a=%G0", "a=%0g", "a=1%2", "%zz=1", "a=%%41")) {
            assertThatThrownBy(() -> parse(body)).as(body).isInstanceOfSatisfying(OAuthProblem.class,
                    problem -> assertThat(problem.error()).isEqualTo("invalid_request"));
        }
    }

    /** Random texts, encoded as a browser would, come back as they went in and as the JDK's own decoder reads them. */
    @Test
    void agreesWithTheJdkOnRandomForms() {
        var random = new Random(8628);
        String alphabet = "abcXYZ019-._~ +&=%/:?#éü漢字🙂\u0000\u007f";
        for (int round = 0; round < 5_000; round++) {
            String name = randomText(random, alphabet, 1 + random.nextInt(8));
            String value = randomText(random, alphabet, random.nextInt(40));
            String body = URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);

            var params = parse(body);

            assertThat(params).as(body).containsExactly(Map.entry(name, List.of(value)));
            assertThat(params.get(name).getFirst()).isEqualTo(URLDecoder.decode(body.substring(body.indexOf('=') + 1),
                    StandardCharsets.UTF_8));
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        var text = new StringBuilder();
        int[] codePoints = alphabet.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }
}
