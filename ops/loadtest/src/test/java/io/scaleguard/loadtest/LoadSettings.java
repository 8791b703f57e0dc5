package io.scaleguard.loadtest;

import java.time.Duration;

/**
 * What a run of the load test does, from {@code -Dloadtest.*} system properties; the defaults suit the local cluster
 * that {@code ops/loadtest/run.sh} starts ({@code ops/cluster/up.sh --replicas 3}, the edge on port 8080).
 *
 * @param baseUrl         the edge, or one replica
 * @param accountPrefix   accounts are {@code <prefix>-default-<i>} and {@code <prefix>-pro-<i>}, registered by run.sh
 * @param password        every account's password
 * @param defaultAccounts accounts on the default plan, one virtual user each
 * @param proAccounts     accounts on the {@code pro} plan (run.sh moves them there), one virtual user each
 * @param ramp            over how long the virtual users arrive and log in
 * @param hammer          how long each virtual user requests {@code /users/me/items} after its login
 * @param pause           pause between two requests of one virtual user, whatever the answer (the seed's hammering)
 * @param stormLogins     password grants sent all at once in the login storm
 * @param stormDelay      when the storm starts, counted from the start of the run (so it lands amid the hammering)
 */
record LoadSettings(String baseUrl, String accountPrefix, String password, int defaultAccounts, int proAccounts,
                    Duration ramp, Duration hammer, Duration pause, int stormLogins, Duration stormDelay) {

    static LoadSettings fromSystemProperties() {
        return new LoadSettings(
                System.getProperty("loadtest.baseUrl", "http://127.0.0.1:8080"),
                System.getProperty("loadtest.accountPrefix", "loadtest"),
                System.getProperty("loadtest.password", "loadtest password 1"),
                Integer.getInteger("loadtest.defaultAccounts", 24),
                Integer.getInteger("loadtest.proAccounts", 6),
                Duration.ofSeconds(Integer.getInteger("loadtest.rampSeconds", 10)),
                Duration.ofSeconds(Integer.getInteger("loadtest.hammerSeconds", 60)),
                Duration.ofMillis(Integer.getInteger("loadtest.pauseMillis", 50)),
                Integer.getInteger("loadtest.stormLogins", 120),
                Duration.ofSeconds(Integer.getInteger("loadtest.stormDelaySeconds", 40)));
    }

    String username(String plan, int index) {
        return accountPrefix + "-" + plan + "-" + index;
    }
}
