package io.scaleguard.ops.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Packs {@link StandInService} into a runnable jar, so that up.sh starts it exactly as it starts the service. */
final class StandInServiceJar {

    private StandInServiceJar() {
    }

    static Path build(Path jar) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInService.class.getName());
        String packagePath = StandInService.class.getPackageName().replace('.', '/');
        Path classes = classesRoot();
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> candidates = Files.list(classes.resolve(packagePath))) {
            String name = StandInService.class.getSimpleName();
            for (Path classFile : candidates.filter(path -> path.getFileName().toString().equals(name + ".class")
                    || path.getFileName().toString().startsWith(name + "$")).toList()) {
                out.putNextEntry(new JarEntry(packagePath + "/" + classFile.getFileName()));
                Files.copy(classFile, out);
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + jar, e);
        }
    }

    private static Path classesRoot() {
        try {
            return Path.of(StandInService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
