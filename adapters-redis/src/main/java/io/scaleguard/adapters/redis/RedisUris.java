package io.scaleguard.adapters.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A Redis URL taken apart: {@value #SHAPE}. Redisson wants the address without credentials or database, and those
 * as separate settings. Credentials are read as redis-cli reads them: {@code user:password}, {@code :password}, or a
 * lone {@code password}; each part percent-decoded.
 *
 * <p>No message shows a password: the URL in it has its password replaced by {@code ****}.
 */
record RedisUris(String address, int database, String username, String password) {

    static final String SHAPE = "redis://[[user]:password@]host[:port][/database] (rediss:// for TLS)";
    private static final int DEFAULT_PORT = 6379;
    private static final Pattern DATABASE = Pattern.compile("/[0-9]{1,4}");

    /** The URL in {@code text} (surrounding blanks ignored), once {@link #parse(URI)} has accepted it. */
    static URI checked(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("none given", "");
        }
        String stripped = text.strip();
        URI url;
        try {
            url = new URI(stripped);
        } catch (URISyntaxException e) {
            // the reason and index only: the exception's own message repeats the input, password and all
            throw invalid(e.getReason() + " at index " + e.getIndex(), stripped);
        }
        parse(url);
        return url;
    }

    static RedisUris parse(URI url) {
        if (url == null) {
            throw invalid("none given", "");
        }
        String scheme = url.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw invalid("the scheme is not redis or rediss", url.toString());
        }
        // null also when the authority is not host[:port] with a DNS name or an IP address, such as a bad user info
        if (url.getHost() == null) {
            throw invalid("no host", url.toString());
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw invalid("a query or fragment, which would be ignored", url.toString());
        }
        int port = url.getPort() == -1 ? DEFAULT_PORT : url.getPort();
        if (port < 1 || port > 65_535) {
            throw invalid("the port is not 1 to 65535", url.toString());
        }
        String info = url.getRawUserInfo();
        int colon = info == null ? -1 : info.indexOf(':');
        String username = colon < 0 ? null : decoded(info.substring(0, colon));
        String password = info == null ? null : decoded(info.substring(colon + 1));
        // getHost() keeps the brackets of an IPv6 literal, as an address needs them
        return new RedisUris(scheme + "://" + url.getHost() + ":" + port, database(url), username, password);
    }

    private static int database(URI url) {
        String path = url.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        if (!DATABASE.matcher(path).matches()) {
            throw invalid("the path is not a database number such as /0", url.toString());
        }
        return Integer.parseInt(path.substring(1));
    }

    /**
     * A raw part of the user info, decoded by URI itself (not URLDecoder, a form decoder that turns a {@code +} of a
     * password into a space); {@code null} when empty. Decoded part by part, so that an escaped colon in a user name
     * does not split it.
     */
    private static String decoded(String rawPart) {
        return rawPart.isEmpty() ? null : URI.create("redis://" + rawPart + "@host").getUserInfo();
    }

    /**
     * {@code text} with its password as {@code ****}: whatever lies between the first colon after the scheme and the
     * last {@code @} (or from the scheme on, when there is no colon), so that a password with an unescaped {@code /} or
     * {@code @}, which breaks the URL, is hidden too. At worst this hides more than the password.
     */
    static String redacted(String text) {
        int scheme = text.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int at = text.lastIndexOf('@');
        if (at < start) {
            return text;
        }
        int colon = text.indexOf(':', start);
        int from = colon >= 0 && colon < at ? colon + 1 : start;
        return text.substring(0, from) + "****" + text.substring(at);
    }

    private static IllegalArgumentException invalid(String problem, String text) {
        return new IllegalArgumentException("not a Redis URL (" + problem + "): expected " + SHAPE + ", was '" + redacted(text) + "'");
    }
}
