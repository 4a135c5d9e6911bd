package org.devicelink.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.devicelink.i18n.Messages;
import org.junit.jupiter.api.Test;

class UserCodeTest {

    @Test
    void randomCodesUseOnlyTheAlphabetAndEveryLetterEquallyOften() {
        var random = SeededRandom.of(123);
        Map<Character, Integer> counts = new HashMap<>();
        int codes = 50_000;
        for (int i = 0; i < codes; i++) {
            String code = UserCode.random(random).value();
            assertThat(code).hasSize(8).matches("[BCDFGHJKLMNPQRSTVWXZ]{8}");
            code.chars().forEach(c -> counts.merge((char) c, 1, Integer::sum));
        }
        assertThat(counts).hasSize(20);
        // chi-square with 19 degrees of freedom: 43.8 is the 0.1% critical value; modulo bias would push it past 300
        double expected = codes * 8 / 20.0;
        double chiSquare = counts.values().stream().mapToDouble(n -> Math.pow(n - expected, 2) / expected).sum();
        assertThat(chiSquare).isLessThan(43.8);
    }

    @Test
    void peopleTypeCodesHoweverTheyLike() {
        for (String typed : new String[] {"WDJB-MJHT", "wdjbmjht", " wdjb mjht ", "Wdjb–Mjht", "WD.JB.MJ.HT"}) {
            assertThat(UserCode.parse(typed)).as(typed).isEqualTo(new UserCode.Parsed.Valid(new UserCode("WDJBMJHT")));
        }
        assertThat(new UserCode("WDJBMJHT").display()).isEqualTo("WDJB-MJHT");
    }

    @Test
    void aWrongInputSaysWhatIsWrongWithIt() {
        assertThat(message("")).isEqualTo("Type the code shown on your device.");
        assertThat(message("WDJB-MJH")).contains("8 letters");
        assertThat(message("WDJB-MJHTX")).contains("longer than a code");
        assertThat(message("WDJB-MJH0")).contains("no digits").contains("\"0\"");
        assertThat(message("WDJB-MJH5")).contains("Did you mean S?");
        assertThat(message("WDJB-MJHO")).contains("no vowels").contains("\"O\"");
        assertThat(message("wdjb-mjha")).contains("\"A\"");
        assertThat(message("WDJB-MJHÄ")).contains("cannot be in a code");
        assertThat(message("B".repeat(65))).contains("longer than a code");
    }

    @Test
    void onlyNormalizedCodesCanBeConstructed() {
        assertThatThrownBy(() -> new UserCode("wdjbmjht")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UserCode("WDJB-MJHT")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String message(String input) {
        var invalid = (UserCode.Parsed.Invalid) UserCode.parse(input);
        return Messages.get(invalid.messageKey(), invalid.messageArguments());
    }
}
