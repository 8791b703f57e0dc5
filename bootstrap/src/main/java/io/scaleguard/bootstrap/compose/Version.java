package io.scaleguard.bootstrap.compose;

/** The version Maven wrote into the jar's manifest, or a marker when running from classes. */
public final class Version {

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private Version() {
    }
}
