package org.devicelink.protocol;

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

    private static boolean showable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
