package io.scaleguard.adapters.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code invalid-params} (the RFC's own example extension) lists the offending
 * fields of a validation error and is left out otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail,
                      @JsonProperty("invalid-params") List<InvalidParam> invalidParams) {

    public Problem {
        invalidParams = invalidParams == null || invalidParams.isEmpty() ? null : List.copyOf(invalidParams);
    }
}
