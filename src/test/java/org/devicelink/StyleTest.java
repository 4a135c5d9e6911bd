package org.devicelink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house style's rules that Spotless (imports in order, white space) does not hold: lines of at most 140
 * characters, no import left unused, and types named by their simple name, imported once, unless another type of the
 * same simple name is imported in that file.
 */
class StyleTest {

    private static final int WIDEST = 140;
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?[\\w.]+\\.(\\w+);$");
    /** A qualified type name in code: a package path of lower-case parts, then a type. */
    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.@\"])((?:java|javax|javafx|org|com|io)\\.(?:[a-z][a-z0-9_]*\\.)+)([A-Z]\\w*)");

    @Test
    void noLineIsWiderThan140Characters() {
        assertThat(offences((file, number, line) -> line.codePointCount(0, line.length()) > WIDEST)).isEmpty();
    }

    @Test
    void noImportIsUnused() {
        List<String> unused = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = read(file);
            String body = String.join("\n", lines.stream().filter(l -> !l.startsWith("import ")).toList());
            for (String line : lines) {
                var m = IMPORT.matcher(line);
                if (m.matches() && !Pattern.compile("\\b" + m.group(1) + "\\b").matcher(body).find()) {
                    unused.add(file + ": " + line);
                }
            }
        }
        assertThat(unused).isEmpty();
    }

    @Test
    void typesAreImportedNotQualifiedInline() {
        assertThat(offences((file, number, line) -> {
            String code = line.strip();
            if (code.startsWith("import ") || code.startsWith("package ") || code.startsWith("*") || code.startsWith("//")
                    || code.startsWith("/*")) {
                return false;
            }
            var m = QUALIFIED.matcher(line.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\""));
            while (m.find()) {
                String simple = m.group(2);
                String qualified = m.group(1) + simple;
                boolean clash = read(file).stream().anyMatch(l -> l.endsWith("." + simple + ";") && !l.equals("import " + qualified + ";"))
                        || read(file).stream().anyMatch(l -> l.matches(".*\\b(class|interface|record|enum) " + simple + "\\b.*"))
                        || Files.exists(file.resolveSibling(simple + ".java"));
                if (!clash) {
                    return true;
                }
            }
            return false;
        })).isEmpty();
    }

    interface LineRule {
        boolean offends(Path file, int number, String line);
    }

    private static List<String> offences(LineRule rule) {
        var found = new ArrayList<String>();
        for (Path file : sources()) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                if (rule.offends(file, i + 1, lines.get(i))) {
                    found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        return found;
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src")), Files.walk(Path.of("packaging")))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
