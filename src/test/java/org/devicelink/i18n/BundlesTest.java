package org.devicelink.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped language is complete and well formed: each bundle file holds every key of English and no other, each
 * sentence fills in exactly the arguments English fills in, writes only the plural forms its language has (and
 * {@code other}), formats, and carries no direction control of its own.
 */
class BundlesTest {

    static Stream<Locale> languages() {
        return Messages.LANGUAGES.stream();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void holdsEveryKeyOfEnglishAndNoOther(Locale language) throws IOException {
        var english = load(Locale.ENGLISH).stringPropertyNames();
        var own = load(language).stringPropertyNames();

        assertThat(difference(english, own)).as("keys missing from %s", file(language)).isEmpty();
        assertThat(difference(own, english)).as("keys %s has that English has not", file(language)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void fillsInWhatEnglishFillsInWithItsOwnPluralForms(Locale language) throws IOException {
        var english = load(Locale.ENGLISH);
        var own = load(language);
        var keywords = PluralRules.forLocale(ULocale.forLocale(language)).getKeywords();
        var problems = new ArrayList<String>();
        for (String key : new TreeSet<>(own.stringPropertyNames())) {
            String pattern = own.getProperty(key);
            try {
                var parsed = new MessagePattern(pattern);
                var fromEnglish = english.containsKey(key) ? arguments(new MessagePattern(english.getProperty(key))) : arguments(parsed);
                if (!arguments(parsed).equals(fromEnglish)) {
                    problems.add(key + ": fills in " + arguments(parsed) + ", English " + fromEnglish);
                }
                problems.addAll(pluralProblems(key, parsed, keywords));
                new MessageFormat(pattern, ULocale.forLocale(language)).format(samples(parsed));
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
            }
            if (pattern.codePoints().anyMatch(BundlesTest::directionControl)) {
                problems.add(key + ": holds a direction control (the wording layer isolates what it fills in)");
            }
        }
        assertThat(problems).as(file(language)).isEmpty();
    }

    private static Properties load(Locale language) throws IOException {
        var stream = BundlesTest.class.getResourceAsStream("/i18n/" + file(language));
        assertThat(stream).as("the bundle %s", file(language)).isNotNull();
        var properties = new Properties();
        try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static String file(Locale language) {
        String suffix = language.equals(Locale.ENGLISH) ? "" : "_" + language.toString();
        return "strings" + suffix + ".properties";
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        var rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static Set<Integer> arguments(MessagePattern pattern) {
        var numbers = new TreeSet<Integer>();
        for (int i = 0; i < pattern.countParts(); i++) {
            if (pattern.getPart(i).getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                numbers.add(pattern.getPart(i).getValue());
            }
        }
        return numbers;
    }

    private static List<String> pluralProblems(String key, MessagePattern pattern, Set<String> keywords) {
        var problems = new ArrayList<String>();
        for (int i = 0; i < pattern.countParts(); i++) {
            var part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START && part.getArgType() == MessagePattern.ArgType.CHOICE) {
                problems.add(key + ": uses choice, which knows no plural rules; write plural");
            }
            if (part.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                String selector = pattern.getSubstring(part);
                if (!selector.startsWith("=") && isPluralSelector(pattern, i) && !keywords.contains(selector)) {
                    problems.add(key + ": the plural form '" + selector + "' is not one of this language's " + keywords);
                }
            }
        }
        return problems;
    }

    /** Whether the selector at {@code index} belongs to a plural argument (not a select). */
    private static boolean isPluralSelector(MessagePattern pattern, int index) {
        int depth = 0;
        for (int i = index; i >= 0; i--) {
            var part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_LIMIT) {
                depth++;
            } else if (part.getType() == MessagePattern.Part.Type.ARG_START) {
                if (depth == 0) {
                    return part.getArgType().hasPluralStyle();
                }
                depth--;
            }
        }
        return false;
    }

    /** A number for every argument (a plural needs one; a number shows where text goes as well as text does). */
    private static Object[] samples(MessagePattern pattern) {
        int most = arguments(pattern).stream().mapToInt(Integer::intValue).max().orElse(-1);
        var values = new Object[most + 1];
        Arrays.fill(values, 3);
        return values;
    }

    private static boolean directionControl(int c) {
        return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
