package org.devicelink.protocol;

import java.util.EnumSet;
import java.util.List;

/**
 * Text a person reads to decide (a device's name on the approval screen, a name in the devices table): it may not
 * hold characters that hide or reorder what is shown. Control characters, line and paragraph separators, and the
 * invisible format characters (bidi overrides such as U+202E, zero-width spaces such as U+200B) would let a device
 * call itself something it is not.
 */
public final class DisplayText {

    private DisplayText() {}

    /** Whether every character of {@code text} shows as itself. */
    public static boolean showable(String text) {
        return text.codePoints().allMatch(DisplayText::showable);
    }

    /**
     * Whether a name is written in one script, as a person would write it: Latin may go with one other script (a
     * Japanese, Chinese, Korean or Arabic name with "TV" in it), but never with Cyrillic or Greek, whose look-alike
     * letters ("Lіving-room TV" with a Cyrillic і) would let a device pass for another (UTS #39, moderately restrictive).
     */
    public static boolean oneScript(String text) {
        var scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        text.codePoints().mapToObj(Character.UnicodeScript::of).forEach(scripts::add);
        scripts.removeAll(List.of(Character.UnicodeScript.COMMON, Character.UnicodeScript.INHERITED, Character.UnicodeScript.UNKNOWN));
        boolean latin = scripts.remove(Character.UnicodeScript.LATIN);
        if (latin && (scripts.contains(Character.UnicodeScript.CYRILLIC) || scripts.contains(Character.UnicodeScript.GREEK))) {
            return false;
        }
        // the scripts one language writes together count as one: Japanese, Chinese with Bopomofo, Korean with Hanja
        for (var together : List.of(EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
                Character.UnicodeScript.KATAKANA), EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.BOPOMOFO),
                EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.HANGUL))) {
            if (together.containsAll(scripts)) {
                return true;
            }
        }
        return scripts.size() <= 1;
    }

    private static boolean showable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
