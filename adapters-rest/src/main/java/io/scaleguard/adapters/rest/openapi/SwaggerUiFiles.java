package io.scaleguard.adapters.rest.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The files of the swagger-ui webjar on the class path, found by plain file name only: a name is one path segment
 * of safe characters with a known extension, so no request can reach anything outside the webjar's directory.
 */
final class SwaggerUiFiles {

    /** Ours, pointing Swagger UI at this service's document; it replaces the webjar's file of the same name. */
    static final String INITIALIZER = "swagger-initializer.js";

    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png",
            "txt", "text/plain; charset=utf-8");

    private final ClassLoader loader;
    private final String directory;

    private SwaggerUiFiles(ClassLoader loader, String directory) {
        this.loader = loader;
        this.directory = directory;
    }

    /** @throws IllegalStateException when the webjar is missing: the service would otherwise start without its docs */
    static SwaggerUiFiles fromClassPath() {
        ClassLoader loader = SwaggerUiFiles.class.getClassLoader();
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("the org.webjars:swagger-ui jar is not on the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SwaggerUiFiles(loader, "META-INF/resources/webjars/swagger-ui/" + pom.getProperty("version") + "/");
    }

    Optional<File> find(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        String path = name.equals(INITIALIZER) ? SwaggerUiFiles.class.getPackageName().replace('.', '/') + "/" + INITIALIZER
                : directory + name;
        return loader.getResource(path) == null ? Optional.empty() : Optional.of(new File(loader, path, type));
    }

    record File(ClassLoader loader, String path, String type) {

        InputStream stream() {
            return loader.getResourceAsStream(path);
        }
    }
}
