package org.devicelink.server.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class DemoAccountsTest {

    @Test
    void theStoredDemoHashIsTheDemoPassword() {
        assertThat(PasswordHash.matches(DemoAccounts.PASSWORD.toCharArray(), DemoAccounts.PASSWORD_HASH)).isTrue();
        assertThat(PasswordHash.matches("link-demo ".toCharArray(), DemoAccounts.PASSWORD_HASH)).isFalse();
    }

    @Test
    void hashesAreSaltedAndVerify() {
        var random = new SecureRandom();
        String a = PasswordHash.of("correct horse".toCharArray(), random);
        String b = PasswordHash.of("correct horse".toCharArray(), random);
        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$600000$");
        assertThat(PasswordHash.matches("correct horse".toCharArray(), b)).isTrue();
        assertThat(PasswordHash.matches("correct horsE".toCharArray(), b)).isFalse();
    }
}
