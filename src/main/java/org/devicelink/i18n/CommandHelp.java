package org.devicelink.i18n;

import java.util.Collections;
import java.util.Enumeration;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The commands' help, as picocli reads it (a resource bundle), in the program's language: the strings bundle's
 * {@code cli.} keys, put into words by {@link Messages} like every other sentence. Picocli looks a key up with the
 * command's qualified name first ({@code cli.devicelink.scan.server}), then alone ({@code cli.help}).
 */
public final class CommandHelp extends ResourceBundle {

    private static final String PREFIX = "cli.";

    @Override
    protected Object handleGetObject(String key) {
        return Messages.has(PREFIX + key) ? Messages.get(PREFIX + key) : null;
    }

    @Override
    protected Set<String> handleKeySet() {
        return Messages.bundle(Messages.locale()).keySet().stream().filter(key -> key.startsWith(PREFIX))
                .map(key -> key.substring(PREFIX.length())).collect(Collectors.toSet());
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(handleKeySet());
    }
}
