package io.scaleguard.bootstrap.cli;

import io.scaleguard.bootstrap.compose.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code scaleguard --version}. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"scaleguard " + Version.current()};
    }
}
