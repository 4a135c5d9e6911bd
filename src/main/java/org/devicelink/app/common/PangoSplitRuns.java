package org.devicelink.app.common;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Mends JavaFX's wrapping of Arabic on Linux. There, JavaFX shapes complex text through Pango, and its Pango glyph layout
 * keeps each run's text (as UTF-8) by the run. When a line ends inside a run, JavaFX cuts the run shorter and shapes it
 * again, and the layout hands back the uncut text: right-to-left offsets go negative and the layout throws (JavaFX 22 to
 * 26), or the whole paragraph is drawn on each line (21). The mend swaps that layout's cache for one that knows a run by
 * where it starts and how long it is, so a cut run is turned into UTF-8 afresh. It reaches into JavaFX's internals, which
 * are open while JavaFX sits on the class path (as in the package); where it cannot, {@link #installed} says so and
 * the companion shows English instead of Arabic. JavaFxArabicTest fails the day JavaFX mends it itself.
 */
public final class PangoSplitRuns {

    private static volatile boolean installed;

    private PangoSplitRuns() {}

    /** Installs the mend on the JavaFX thread's glyph layout, if this JavaFX has the flaw; call it on the JavaFX thread. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Object layout = reusableLayout();
            Field texts = layout.getClass().getDeclaredField("runUtf8");
            texts.setAccessible(true);
            if (!(texts.get(layout) instanceof RunTexts)) {
                texts.set(layout, new RunTexts(layout.getClass().getClassLoader()));
            }
            installed = true;
        } catch (ReflectiveOperationException | RuntimeException notThisJavaFx) {
            // another JavaFX, or JavaFX on the module path: installed stays false, and Arabic is not offered on Linux
        }
    }

    public static boolean installed() {
        return installed;
    }

    /** The glyph layout JavaFX lends to every text layout on its thread (others get one only while it is lent out). */
    private static Object reusableLayout() throws ReflectiveOperationException {
        Class<?> manager = Class.forName("com.sun.javafx.text.GlyphLayoutManager");
        Field reusable = manager.getDeclaredField("REUSABLE_INSTANCE");
        reusable.setAccessible(true);
        Object layout = reusable.get(null);
        if (!layout.getClass().getName().equals("com.sun.javafx.font.freetype.PangoGlyphLayout")) {
            throw new IllegalStateException("not Pango: " + layout.getClass().getName());
        }
        return layout;
    }

    /**
     * The layout's cache of UTF-8 texts, by run and the run's extent. The layout frees every value it holds when a text is
     * laid out ({@code values()}, then {@code clear()}), so a cut run's old text is freed with the rest.
     */
    private static final class RunTexts extends AbstractMap<Object, Long> {

        private record Extent(Object run, int start, int length) {
            @Override
            public boolean equals(Object other) {
                return other instanceof Extent e && e.run == run && e.start == start && e.length == length;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(run) * 31 + start * 17 + length;
            }
        }

        private final Map<Extent, Long> texts = new LinkedHashMap<>();
        private final Method start;
        private final Method length;

        RunTexts(ClassLoader javafx) throws ReflectiveOperationException {
            Class<?> run = Class.forName("com.sun.javafx.text.TextRun", false, javafx);
            start = run.getMethod("getStart");
            length = run.getMethod("getLength");
        }

        private Extent extent(Object run) {
            try {
                return new Extent(run, (int) start.invoke(run), (int) length.invoke(run));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Long get(Object run) {
            return texts.get(extent(run));
        }

        @Override
        public Long put(Object run, Long utf8) {
            return texts.put(extent(run), utf8);
        }

        @Override
        public Collection<Long> values() {
            return texts.values();
        }

        @Override
        public int size() {
            return texts.size();
        }

        @Override
        public void clear() {
            texts.clear();
        }

        @Override
        public Set<Entry<Object, Long>> entrySet() {
            throw new UnsupportedOperationException("the glyph layout only gets, puts, frees the values and clears");
        }
    }
}
