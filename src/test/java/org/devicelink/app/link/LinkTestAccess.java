package org.devicelink.app.link;

import java.nio.file.Path;

/** Lets tests feed a picture to the Scan path that the file dialog and drag-and-drop use (no native dialog here). */
public final class LinkTestAccess {

    private LinkTestAccess() {}

    public static void scan(LinkViewModel model, Path picture) {
        EnterCodeView.scanFile(model, picture);
    }
}
