package org.devicelink.code;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The short code a device shows and a person types: 8 characters from a 20-letter alphabet
 * (no vowels, so no words; no digits, so no O/0 or I/1 confusion), about 34.5 bits, shown as {@code WDJB-MJHT}.
 *
 * <p>This is the one place that knows what a code looks like. Everything past the edge sees only the normalized
 * form (8 upper-case letters, no dash).
 */
public record UserCode(String value) {

    public static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    public static final int LENGTH = 8;
    /** Inputs longer than this are refused before looking at them: nobody types a 64-character code. */
    public static final int MAX_INPUT_LENGTH = 64;

    public UserCode {
        if (value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not a normalized user code");
        }
    }

    /** Draws a code uniformly: rejection sampling of random bytes, so no letter is likelier than another. */
    public static UserCode random(SecureRandom random) {
        // 256 - 256 % 20 = 240: bytes at or above it would favour the first 16 letters, so they are redrawn
        int unbiasedLimit = 256 - 256 % ALPHABET.length();
        var code = new StringBuilder(LENGTH);
        var bytes = new byte[16];
        while (code.length() < LENGTH) {
            random.nextBytes(bytes);
            for (byte b : bytes) {
                int v = b & 0xff;
                if (v < unbiasedLimit && code.length() < LENGTH) {
                    code.append(ALPHABET.charAt(v % ALPHABET.length()));
                }
            }
        }
        return new UserCode(code.toString());
    }

    /**
     * The codes one slip away from this one, as a person reading a code aloud makes them: one character misread
     * (19 × 8) or two neighbours swapped (at most 7). Never this code itself.
     */
    public Set<UserCode> neighbours() {
        var near = new LinkedHashSet<UserCode>();
        char[] chars = value.toCharArray();
        for (int i = 0; i < LENGTH; i++) {
            char was = chars[i];
            for (char c : ALPHABET.toCharArray()) {
                if (c != was) {
                    chars[i] = c;
                    near.add(new UserCode(new String(chars)));
                }
            }
            chars[i] = was;
        }
        for (int i = 0; i + 1 < LENGTH; i++) {
            if (chars[i] != chars[i + 1]) {
                char[] swapped = chars.clone();
                swapped[i] = chars[i + 1];
                swapped[i + 1] = chars[i];
                near.add(new UserCode(new String(swapped)));
            }
        }
        return near;
    }

    /** Reads what a person typed, or says why it cannot be a code. */
    public static Parsed parse(String input) {
        if (input == null || input.isBlank()) {
            return new Parsed.Invalid(Problem.EMPTY, "");
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            return new Parsed.Invalid(Problem.TOO_LONG, "");
        }
        var letters = new StringBuilder();
        for (int i = 0; i < input.length(); i++) {
            char c = Character.toUpperCase(input.charAt(i));
            if (ALPHABET.indexOf(c) >= 0) {
                letters.append(c);
            } else if (Character.isDigit(c)) {
                return new Parsed.Invalid(Problem.DIGIT, String.valueOf(input.charAt(i)));
            } else if ("AEIOUY".indexOf(c) >= 0) {
                return new Parsed.Invalid(Problem.VOWEL, String.valueOf(input.charAt(i)));
            } else if (Character.isLetter(c)) {
                return new Parsed.Invalid(Problem.NOT_IN_ALPHABET, String.valueOf(input.charAt(i)));
            }
            // spaces, dashes and other punctuation are how people group codes: ignored
        }
        if (letters.length() < LENGTH) {
            return new Parsed.Invalid(Problem.TOO_SHORT, "");
        }
        if (letters.length() > LENGTH) {
            return new Parsed.Invalid(Problem.TOO_LONG, "");
        }
        return new Parsed.Valid(new UserCode(letters.toString()));
    }

    /** Convenience for the edges that only need to know whether a string is a code. */
    public static Optional<UserCode> tryParse(String input) {
        return parse(input) instanceof Parsed.Valid(UserCode code) ? Optional.of(code) : Optional.empty();
    }

    /** The form people read and type: {@code WDJB-MJHT}. */
    public String display() {
        return value.substring(0, 4) + "-" + value.substring(4);
    }

    @Override
    public String toString() {
        return display();
    }

    /** Why an input is not a code. The sentence a person sees is in the strings bundle, under {@link Parsed.Invalid#messageKey()}. */
    public enum Problem {
        EMPTY, TOO_SHORT, TOO_LONG, DIGIT, VOWEL, NOT_IN_ALPHABET;

        String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The outcome of {@link #parse(String)}. */
    public sealed interface Parsed {
        record Valid(UserCode code) implements Parsed {}

        /** @param character the character that cannot be in a code (empty when the length is wrong) */
        record Invalid(Problem problem, String character) implements Parsed {

            /** The letter a misread digit most likely was, when that letter is one codes use; null otherwise. */
            public String lookalike() {
                if (problem != Problem.DIGIT) {
                    return null;
                }
                return switch (character) {
                    case "1" -> "L";
                    case "2" -> "Z";
                    case "5" -> "S";
                    case "6" -> "G";
                    case "8" -> "B";
                    default -> null;
                };
            }

            /** The key of the sentence in the strings bundle that says what is wrong. */
            public String messageKey() {
                return "code." + problem.slug() + (lookalike() != null ? ".lookalike" : "");
            }

            /** What fills that sentence: the character (a vowel in upper case), then the lookalike or the alphabet. */
            public Object[] messageArguments() {
                String shown = problem == Problem.VOWEL ? character.toUpperCase(Locale.ROOT) : character;
                return new Object[] {shown, problem == Problem.NOT_IN_ALPHABET ? ALPHABET : lookalike()};
            }
        }
    }
}
