package org.devicelink.scan;

import java.util.concurrent.Callable;

/** A camera a person can choose, by the name the system gives it, and how to open it. */
public record Camera(String name, Callable<FrameSource> open) {
    @Override
    public String toString() {
        return name; // what a choice box shows
    }
}
