package io.scaleguard.bootstrap.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.scaleguard.application.port.in.PurgeEndedCredentialsCommand;
import io.scaleguard.application.port.in.PurgeEndedCredentialsUseCase.Purged;
import io.scaleguard.application.port.out.StoreUnavailable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HousekeepingTest {

    @Test
    void purgesWhatEndedADayAgo() {
        List<PurgeEndedCredentialsCommand> commands = new ArrayList<>();
        Housekeeping housekeeping = Housekeeping.start(command -> {
            commands.add(command);
            return new Purged(3, 1);
        });
        try {
            housekeeping.runOnce();
            assertThat(commands).containsExactly(new PurgeEndedCredentialsCommand(Housekeeping.KEEP_FOR));
        } finally {
            housekeeping.close();
        }
    }

    @Test
    void aFailedPurgeDoesNotStopTheSchedule() {
        Housekeeping housekeeping = Housekeeping.start(command -> {
            throw new StoreUnavailable("the database did not answer", null);
        });
        try {
            assertThatCode(housekeeping::runOnce).doesNotThrowAnyException();
        } finally {
            housekeeping.close();
        }
    }
}
