package org.devicelink.i18n;

import com.ibm.icu.text.MessagePattern;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Two languages for looking at layouts, never offered to people: {@code en-XA}, English with every letter accented,
 * about 40 % longer and in brackets (so a sentence from outside the bundle, or one cut short, shows at once), and
 * {@code ar-XB}, the same right to left (so a mirrored layout can be seen without Arabic script). Made from English at
 * lookup; only the words change, never the arguments or the plural syntax.
 */
public final class PseudoLanguages {

    public static final Locale ACCENTED = Locale.forLanguageTag("en-XA");
    public static final Locale MIRRORED = Locale.forLanguageTag("ar-XB");
    public static final List<Locale> ALL = List.of(ACCENTED, MIRRORED);

    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ACCENTS = "áƀçðéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ";
    /** After these parts of a pattern comes a message's text; after the others, syntax (a number, a plural keyword). */
    private static final Set<MessagePattern.Part.Type> TEXT_FOLLOWS = EnumSet.of(MessagePattern.Part.Type.MSG_START,
            MessagePattern.Part.Type.ARG_LIMIT, MessagePattern.Part.Type.SKIP_SYNTAX, MessagePattern.Part.Type.INSERT_CHAR,
            MessagePattern.Part.Type.REPLACE_NUMBER);

    private PseudoLanguages() {}

    public static boolean is(Locale language) {
        return ALL.contains(language);
    }

    /** An English pattern in a pseudo-language: its words accented and lengthened, its arguments as they were. */
    public static String of(String english) {
        var parts = new MessagePattern(english);
        var out = new StringBuilder("[");
        int text = 0;
        int done = 0; // parts may overlap: an explicit value's selector (=0) holds its number's part
        for (int i = 0; i < parts.countParts() - 1; i++) {
            var part = parts.getPart(i);
            if (part.getLimit() > done) {
                out.append(english, Math.max(part.getIndex(), done), part.getLimit());
                done = part.getLimit();
            }
            int next = Math.max(done, parts.getPart(i + 1).getIndex());
            String between = english.substring(done, next);
            done = next;
            if (TEXT_FOLLOWS.contains(part.getType())) {
                for (char c : between.toCharArray()) {
                    int plain = PLAIN.indexOf(c);
                    out.append(plain >= 0 ? ACCENTS.charAt(plain) : c);
                    text++;
                }
            } else {
                out.append(between);
            }
        }
        return out.append(" ").append("·".repeat(Math.max(1, text * 2 / 5))).append("]").toString();
    }
}
