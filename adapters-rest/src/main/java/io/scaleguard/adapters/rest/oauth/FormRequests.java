package io.scaleguard.adapters.rest.oauth;

import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** What the OAuth endpoints need of a request before reading its form. */
final class FormRequests {

    private FormRequests() {
    }

    /**
     * Whether the Content-Type names a form body in UTF-8 (the charset may be left out: RFC 6749 appendix B makes
     * UTF-8 the encoding). Malformed header values are simply not forms.
     */
    static boolean isUtf8Form(String contentType) {
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
