package io.scaleguard.adapters.rest.problem;

import java.util.List;

/** A request whose fields were read but refused: answered 400 with every offending field listed. */
public final class InvalidInputException extends RuntimeException {

    private final transient List<InvalidParam> invalidParams;

    public InvalidInputException(List<InvalidParam> invalidParams) {
        super("invalid fields: " + invalidParams.stream().map(InvalidParam::name).toList(), null, false, false);
        this.invalidParams = List.copyOf(invalidParams);
    }

    public List<InvalidParam> invalidParams() {
        return invalidParams;
    }
}
