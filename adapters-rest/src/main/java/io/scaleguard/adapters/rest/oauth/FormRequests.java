package io.scaleguard.adapters.rest.oauth;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Set;

/** The form preamble of the OAuth endpoints: the body must be a UTF-8 form of known, single-valued parameters. */
final class FormRequests {

    /** The form of a request, or the RFC 6749 {@code invalid_request} answer that refuses it. */
    sealed interface Read {
        record Parsed(FormParameters form) implements Read {
        }

        record Refused(Response answer) implements Read {
        }
    }

    private FormRequests() {
    }

    /**
     * Reads the body as a form of the allowed parameters. The endpoints take the body as raw bytes whatever its
     * Content-Type, so that a wrong type is refused here in the RFC's words rather than by the runtime's 415.
     */
    static Read read(String contentType, byte[] body, Set<String> allowed) {
        if (!isUtf8Form(contentType)) {
            return new Read.Refused(OAuthError.response(OAuthError.INVALID_REQUEST,
                    "the body must be application/x-www-form-urlencoded in UTF-8"));
        }
        try {
            return new Read.Parsed(FormParameters.parse(body == null ? new byte[0] : body, allowed));
        } catch (FormParameters.FormException refused) {
            return new Read.Refused(OAuthError.response(OAuthError.INVALID_REQUEST, refused.getMessage()));
        }
    }

    /**
     * Whether the Content-Type names a form body in UTF-8 (the charset may be left out: RFC 6749 appendix B makes
     * UTF-8 the encoding). Malformed header values are simply not forms.
     */
    private static boolean isUtf8Form(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return type.getType().equalsIgnoreCase("application") && type.getSubtype().equalsIgnoreCase("x-www-form-urlencoded")
                && (charset == null || charset.toLowerCase(Locale.ROOT).equals("utf-8"));
    }
}
