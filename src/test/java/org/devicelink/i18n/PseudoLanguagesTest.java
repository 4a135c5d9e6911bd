package org.devicelink.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pseudo-languages change a sentence's words only: its arguments and plural forms work as in English. */
class PseudoLanguagesTest {

    @AfterEach
    void english() {
        Messages.speak(Locale.ENGLISH);
    }

    @Test
    void everyLetterIsAccentedTheSentenceLongerAndInBracketsItsArgumentsAsTheyWere() {
        Messages.speak(PseudoLanguages.ACCENTED);

        String title = Messages.get("confirm.title", "Kitchen TV");
        assertThat(title).startsWith("[Ĺíñķ Kitchen TV ţó ýóúŕ áççóúñţ? ·").endsWith("·]").doesNotContain("Link");
        assertThat(title.length()).as("about 40 % longer").isGreaterThan("Link Kitchen TV to your account?".length() * 13 / 10);
    }

    @Test
    void pluralsStillChooseTheirFormAndNumbersStillShow() {
        Messages.speak(PseudoLanguages.ACCENTED);

        assertThat(Messages.waitText(Duration.ofSeconds(1))).startsWith("[1 šéçóñð ");
        assertThat(Messages.waitText(Duration.ofSeconds(42))).startsWith("[42 šéçóñðš ");
    }

    @Test
    void theMirroredOneIsRightToLeftAndEveryKeyOfEnglishFormatsInBoth() {
        Messages.speak(PseudoLanguages.MIRRORED);
        assertThat(Messages.rightToLeft()).isTrue();

        for (Locale pseudo : PseudoLanguages.ALL) {
            Messages.speak(pseudo);
            for (String key : Messages.bundle(Locale.ENGLISH).keySet()) {
                assertThat(Messages.get(key, 3, 3, 3, 3)).as(key).startsWith("[").endsWith("]").doesNotContain("!" + key + "!");
            }
        }
    }
}
