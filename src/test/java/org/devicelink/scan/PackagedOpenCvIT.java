package org.devicelink.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The OpenCV jar in {@code target/lib} (what the packaged app and the native package ship) keeps this platform's
 * natives only, and they still load: in a class loader that sees that jar alone.
 */
class PackagedOpenCvIT {

    @Test
    void thePackagedOpenCvCarriesOnePlatformsNativesAndTheyLoad() throws Exception {
        Path jar;
        try (var lib = Files.list(Path.of("target/lib"))) {
            jar = lib.filter(p -> p.getFileName().toString().startsWith("opencv-")).findFirst().orElseThrow();
        }
        try (var zip = new ZipFile(jar.toFile())) {
            var natives = zip.stream().map(e -> e.getName()).filter(n -> n.matches(".*\\.(so|dll|dylib)$")).toList();
            assertThat(natives).hasSize(1);
        }
        assertThat(Files.size(jar)).as("bytes, from 110 MB with every platform").isLessThan(40_000_000L);
        try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            loader.loadClass("nu.pattern.OpenCV").getMethod("loadLocally").invoke(null);
            Object version = loader.loadClass("org.opencv.core.Core").getField("VERSION").get(null);
            assertThat(version).isEqualTo("4.9.0");
        }
    }
}
