package io.scaleguard.adapters.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns Jackson's refusals of a request body into 400 problems that name the field, in our words. */
final class JsonFailures {

    /** Jackson reports a duplicate only in its message; the field name is all we take from it. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.{1,200}?)'");

    private JsonFailures() {
    }

    static Optional<Response> toProblem(Throwable failure) {
        return ExceptionProblemMapper.causeOfType(failure, JsonProcessingException.class).map(JsonFailures::describe);
    }

    private static Response describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return field(path(unknown, unknown.getPropertyName()), "is not a field of this request");
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch, null);
            return field.isEmpty()
                    ? Problems.status(400, "The request body must be a JSON object of the documented fields.").build()
                    : field(field, "has the wrong type");
        }
        if (e instanceof StreamConstraintsException) {
            return Problems.status(400, "The request body is nested too deeply or holds too long a value.").build();
        }
        if (e instanceof StreamReadException && e.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
            if (duplicate.find()) {
                return field(duplicate.group(1), "appears more than once");
            }
        }
        if (e instanceof StreamReadException) {
            return Problems.status(400, "The request body is not well-formed JSON in UTF-8.").build();
        }
        return Problems.status(400, "The request body does not have the documented shape.").build();
    }

    private static Response field(String name, String reason) {
        return Problems.invalidFields(List.of(new InvalidParam(name, reason)));
    }

    private static String path(JsonMappingException e, String leaf) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
        if (leaf != null && !path.endsWith(leaf)) {
            return path.isEmpty() ? leaf : path + "." + leaf;
        }
        return path;
    }
}
