package io.scaleguard.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.out.StoreUnavailable;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ScaleGuardCommandTest {

    @Test
    void namesTheRootCauseOfAFailureOnTheSameLine() {
        StoreUnavailable failure = new StoreUnavailable("the database could not be migrated",
                new SQLException("Connection to 127.0.0.1:5432 refused.\nCheck that the hostname and port are correct.",
                        new ConnectException("Connection refused")));
        assertThat(ScaleGuardCommand.withCause(failure)).isEqualTo("the database could not be migrated: Connection refused");
    }

    @Test
    void saysAFailureWithoutACauseAsItIs() {
        assertThat(ScaleGuardCommand.withCause(new IllegalStateException("no such user"))).isEqualTo("no such user");
    }
}
