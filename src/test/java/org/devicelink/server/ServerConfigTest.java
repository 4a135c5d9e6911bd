package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.devicelink.server.store.DatabaseUrls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    @TempDir
    Path dir;

    @Test
    void flagsBeatTheEnvironmentWhichBeatsTheFile() throws Exception {
        Files.writeString(dir.resolve("server.properties"), "port=9000\ncode.interval=7\ncode.lifetime=300\n");
        var config = ServerConfig.load(Path.of("user-data"), null,
                Map.of("DEVICELINK_DATA_DIR", dir.toString(), "DEVICELINK_CODE_INTERVAL", "9", "DEVICELINK_CODE_LIFETIME", "200"),
                Map.of("code.lifetime", "100"));
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.pollInterval()).isEqualTo(9);
        assertThat(config.codeLifetime().toSeconds()).isEqualTo(100);
        assertThat(config.databaseUrl()).startsWith("jdbc:h2:file:" + dir.toAbsolutePath());
    }

    @Test
    void finding3_theDemoAccountsAreServedOnlyWhenNothingButThisComputerReachesTheServer() {
        assertThat(config(Map.of()).demoAccounts()).isTrue();
        assertThatThrownBy(() -> config(Map.of("host", "0.0.0.0"))).hasMessageContaining("host is 0.0.0.0")
                .hasMessageContaining("local-issuer.demo-accounts=false");
        // the README's recipe behind a proxy: host stays 127.0.0.1, but the proxy forwards from anywhere
        assertThatThrownBy(() -> config(Map.of("tls", "false", "trust-proxy", "true", "public-url", "https://link.example.org")))
                .hasMessageContaining("trust-proxy is on");
        assertThatThrownBy(() -> config(Map.of("public-url",
                "https://link.example.org"))).hasMessageContaining("public-url is https://link.example.org");
        assertThat(config(Map.of("public-url", "https://localhost:8443")).demoAccounts()).isTrue();
        assertThat(config(Map.of("host", "0.0.0.0", "local-issuer.demo-accounts", "false")).demoAccounts()).isFalse();
    }

    @Test
    void finding2_theEmbeddedDatabaseOpensNoListenerAndFinding0_isPutOnDiskByTheServer() {
        var config = config(Map.of());
        assertThat(config.databaseUrl()).doesNotContainIgnoringCase("AUTO_SERVER");
        assertThat(DatabaseUrls.isH2File(config.databaseUrl())).isTrue();
        assertThat(config.databasePowerSafe()).isTrue();
        assertThat(DatabaseUrls.isH2File("jdbc:postgresql://db/dl")).isFalse();
        // every H2 URL that names a file is put on disk by the server, whichever way it names it
        assertThat(List.of("jdbc:h2:~/devicelink", "jdbc:h2:nio:/var/lib/devicelink/db", "jdbc:h2:file:/x", "jdbc:h2:./db"))
                .allMatch(DatabaseUrls::isH2File);
        assertThat(List.of("jdbc:h2:mem:test", "jdbc:h2:tcp://db/x")).noneMatch(DatabaseUrls::isH2File);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        var config = ServerConfig.load(Path.of("user-data"), null, Map.of(), Map.of("data-dir", dir.toString()));
        assertThat(config.port()).isEqualTo(8443);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.tls()).isTrue();
        assertThat(config.codeLifetime().toSeconds()).isEqualTo(600);
        assertThat(config.pollInterval()).isEqualTo(5);
        assertThat(config.baseUrl(8443)).isEqualTo("https://localhost:8443");
        assertThat(config.trustedIssuers()).isEmpty();
    }

    @Test
    void trustedIssuersComeFromSettingsAndTheEnvironment() {
        var config = ServerConfig.load(Path.of("user-data"), null, Map.of("DEVICELINK_TRUST_ENTRA_JWKS_URI", "https://login.example/keys"),
                Map.of("data-dir", dir.toString(), "trust.entra.issuer", "https://login.example/t/v2.0", "trust.entra.audience",
                        "api://dl"));
        assertThat(config.trustedIssuers()).singleElement().satisfies(issuer -> {
            assertThat(issuer.name()).isEqualTo("entra");
            assertThat(issuer.jwksUri().toString()).isEqualTo("https://login.example/keys");
            assertThat(issuer.audience()).isEqualTo("api://dl");
        });
    }

    @Test
    void aWrongSettingIsNamedWithWhatWouldBeRight() {
        assertThatThrownBy(() -> config(Map.of("port", "eighty"))).hasMessageContaining("'port' must be a whole number");
        assertThatThrownBy(() -> config(Map.of("port", "70000"))).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> config(Map.of("tls", "maybe"))).hasMessageContaining("'tls' must be true or false");
        assertThatThrownBy(() -> config(Map.of("prot", "80"))).hasMessageContaining("Unknown setting 'prot'");
        assertThatThrownBy(() -> config(Map.of("public-url", "ftp://x"))).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> config(Map.of("trust.entra.issuer", "x"))).hasMessageContaining("trust.entra.jwks-uri");
        assertThatThrownBy(() -> config(Map.of("trust.entra.colour", "x"))).hasMessageContaining("Unknown setting");
    }

    @Test
    void theReadmeDocumentsEverySetting() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(Arrays.stream(Setting.values()).map(Setting::key)).allSatisfy(key -> assertThat(readme).contains("`" + key + "`"));
    }

    private ServerConfig config(Map<String, String> flags) {
        var all = new HashMap<>(flags);
        all.put("data-dir", dir.toString());
        return ServerConfig.load(Path.of("user-data"), null, Map.of(), all);
    }
}
