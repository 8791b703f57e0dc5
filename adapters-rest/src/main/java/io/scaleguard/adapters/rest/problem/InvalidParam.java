package io.scaleguard.adapters.rest.problem;

/** One offending field of a request: its name as the client spelled it and what is wrong with it, in our words. */
public record InvalidParam(String name, String reason) {
}
