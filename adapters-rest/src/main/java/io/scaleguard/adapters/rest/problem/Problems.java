package io.scaleguard.adapters.rest.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/** Builds every error response of the API as {@code application/problem+json}, so that all of them look alike. */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final MediaType PROBLEM_JSON_TYPE = MediaType.valueOf(PROBLEM_JSON);

    /** RFC 9457: a problem with no more meaning than its status code says so with this type and the status phrase. */
    static final String ABOUT_BLANK = "about:blank";
    static final String VALIDATION = "urn:scaleguard:problem:invalid-fields";
    static final String CONFLICT = "urn:scaleguard:problem:already-taken";
    static final String RATE_LIMITED = "urn:scaleguard:problem:rate-limited";
    static final String UNAVAILABLE = "urn:scaleguard:problem:temporarily-unavailable";

    private Problems() {
    }

    /** A plain problem: {@code about:blank} with the standard reason phrase as title. */
    public static Response.ResponseBuilder status(int status, String detail) {
        return problem(status, ABOUT_BLANK, titleOf(status), detail, null);
    }

    public static Response invalidFields(List<InvalidParam> invalidParams) {
        return problem(400, VALIDATION, "Invalid fields", "Some fields of the request are not acceptable.", invalidParams).build();
    }

    public static Response conflict(String field, String reason) {
        return problem(409, CONFLICT, "Already taken", reason, List.of(new InvalidParam(field, reason))).build();
    }

    public static Response tooManyRequests(Duration retryAfter, String detail) {
        return problem(429, RATE_LIMITED, "Too many requests", detail, null)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(retryAfter)).build();
    }

    /** 503 with a retry hint: a saturated or unreachable dependency, not the client's fault. */
    public static Response unavailable(Duration retryAfter, String detail) {
        return problem(503, UNAVAILABLE, "Temporarily unavailable", detail, null)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(retryAfter)).build();
    }

    /** {@code Retry-After} in whole seconds, rounded up and never 0, so that a client never retries too early. */
    public static long retryAfterSeconds(Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative()) {
            return 1;
        }
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static Response.ResponseBuilder problem(int status, String type, String title, String detail, List<InvalidParam> params) {
        return Response.status(status).type(PROBLEM_JSON_TYPE).entity(new Problem(type, title, status, detail, params));
    }

    static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 431 -> "Request Header Fields Too Large";
            default -> Response.Status.Family.familyOf(status) == Response.Status.Family.CLIENT_ERROR ? "Bad Request" : "Error";
        };
    }
}
