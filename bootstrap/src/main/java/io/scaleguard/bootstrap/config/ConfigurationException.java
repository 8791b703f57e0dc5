package io.scaleguard.bootstrap.config;

/** A bad setting: start-up stops with this one-line message, which names the variable or file and the problem. */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
