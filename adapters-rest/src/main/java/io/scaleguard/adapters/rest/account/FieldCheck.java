package io.scaleguard.adapters.rest.account;

import io.scaleguard.adapters.rest.problem.InvalidInputException;
import io.scaleguard.adapters.rest.problem.InvalidParam;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns the text fields of a request into value objects, collecting every refusal so that one 400 lists all the
 * offending fields. The value objects' own messages say what is wrong; they never repeat the value.
 */
final class FieldCheck {

    private final List<InvalidParam> problems = new ArrayList<>();

    <T> T require(String field, String text, Function<String, T> valueObject) {
        if (text == null) {
            problems.add(new InvalidParam(field, "is required"));
            return null;
        }
        try {
            return valueObject.apply(text);
        } catch (IllegalArgumentException refused) {
            problems.add(new InvalidParam(field, refused.getMessage()));
            return null;
        }
    }

    /** @throws InvalidInputException when any field was refused */
    void throwIfRefused() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
