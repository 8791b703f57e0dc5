package io.scaleguard.adapters.rest.oauth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code application/x-www-form-urlencoded} body, read strictly: bad percent-encoding or invalid UTF-8 is an
 * error rather than a replacement character, and so is a parameter given twice, an unknown one, a control character
 * or an overlong value (RFC 6749 section 3.2 asks to ignore unknown parameters; this API refuses them, so that a
 * client's mistake is seen rather than silently dropped). Parameters sent without a value count as omitted
 * (RFC 6749 section 3.1).
 */
final class FormParameters {

    /** Far above any username, password, scope or refresh token of ours; far below the body limit. */
    static final int MAX_VALUE_LENGTH = 2048;

    private final Map<String, String> values;

    private FormParameters(Map<String, String> values) {
        this.values = values;
    }

    /** @throws FormException with a description fit for the client, naming the parameter when there is one */
    static FormParameters parse(byte[] body, Set<String> allowed) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String pair : decodePairs(body)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            all.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        Map<String, String> single = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : all.entrySet()) {
            String name = parameter.getKey();
            String shown = printable(name);
            if (!allowed.contains(name)) {
                throw new FormException("unknown parameter '" + shown + "'");
            }
            if (parameter.getValue().size() > 1) {
                throw new FormException("parameter '" + shown + "' is given more than once");
            }
            String value = parameter.getValue().get(0);
            if (value.codePoints().anyMatch(Character::isISOControl)) {
                throw new FormException("parameter '" + shown + "' contains control characters");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new FormException("parameter '" + shown + "' is longer than " + MAX_VALUE_LENGTH + " characters");
            }
            if (!value.isEmpty()) {
                single.put(name, value);
            }
        }
        return new FormParameters(single);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    private static List<String> decodePairs(byte[] body) {
        List<String> pairs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    pairs.add(decode(body, start, i));
                }
                start = i + 1;
            }
        }
        return pairs;
    }

    private static String decode(byte[] body, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to || Character.digit(body[i + 1], 16) < 0 || Character.digit(body[i + 2], 16) < 0) {
                    throw new FormException("the form body has a malformed percent-encoding");
                }
                bytes.write(Character.digit(body[i + 1], 16) << 4 | Character.digit(body[i + 2], 16));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new FormException("the form body is not valid UTF-8");
        }
    }

    /** A parameter name as it may be repeated to the client: no control characters, bounded length. */
    private static String printable(String name) {
        String clean = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }

    /** A form the endpoint refuses with {@code invalid_request}; the message is written for the client. */
    static final class FormException extends RuntimeException {
        FormException(String message) {
            super(message, null, false, false);
        }
    }
}
