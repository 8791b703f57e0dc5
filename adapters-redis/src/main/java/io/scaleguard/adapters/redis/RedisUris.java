package io.scaleguard.adapters.redis;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A Redis URL taken apart: {@code redis://[user:password@]host[:port][/db]}, or {@code rediss://} for TLS.
 * Redisson wants the address without credentials or database, and those as separate settings.
 */
record RedisUris(String address, int database, String username, String password) {

    private static final int DEFAULT_PORT = 6379;
    private static final Pattern DATABASE = Pattern.compile("/[0-9]{1,4}");

    static RedisUris parse(URI url) {
        if (url == null) {
            throw new IllegalArgumentException("a Redis URL is required");
        }
        String scheme = url.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new IllegalArgumentException("a Redis URL starts with redis:// or rediss://, was " + redacted(url));
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("a Redis URL needs a host: " + redacted(url));
        }
        int port = url.getPort() == -1 ? DEFAULT_PORT : url.getPort();
        return new RedisUris(scheme + "://" + url.getHost() + ":" + port, database(url), user(url, 0), user(url, 1));
    }

    private static int database(URI url) {
        String path = url.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        if (!DATABASE.matcher(path).matches()) {
            throw new IllegalArgumentException("the path of a Redis URL is a database number such as /0, was " + redacted(url));
        }
        return Integer.parseInt(path.substring(1));
    }

    /** Part {@code index} of {@code user:password}, URL-decoded; {@code null} when absent or empty. */
    private static String user(URI url, int index) {
        String info = url.getRawUserInfo();
        if (info == null) {
            return null;
        }
        String[] parts = info.split(":", 2);
        if (parts.length <= index || parts[index].isEmpty()) {
            return null;
        }
        return URLDecoder.decode(parts[index], StandardCharsets.UTF_8);
    }

    /** The URL without its credentials, fit for a message. */
    static String redacted(URI url) {
        return url.getRawUserInfo() == null ? url.toString() : url.toString().replace(url.getRawUserInfo() + "@", "***@");
    }
}
