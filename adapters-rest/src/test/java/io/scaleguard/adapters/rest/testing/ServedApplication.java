package io.scaleguard.adapters.rest.testing;

import io.scaleguard.adapters.rest.RestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the REST tests: the real application, built by {@link RestApplication#create} over fakes of the use cases,
 * on a real Grizzly with a real HTTP client. One server serves a test class; the fakes forget every call and answer
 * by default again before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServedApplication {

    protected final FakeUseCases fakes = new FakeUseCases();
    protected TestServer server;
    protected Http http;

    @BeforeAll
    void serve() {
        server = TestServer.start(application());
        http = new Http(server);
    }

    @BeforeEach
    void resetFakes() {
        fakes.reset();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** The application under test; tests of special wiring override it. */
    protected ResourceConfig application() {
        return RestApplication.create(fakes.components());
    }
}
