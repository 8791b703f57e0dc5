package io.scaleguard.application.port.in;

/** Move a user to another rate plan; the next token they get carries it. */
public interface SetPlanUseCase {

    /** @return false when there is no such user */
    boolean setPlan(SetPlanCommand command);
}
