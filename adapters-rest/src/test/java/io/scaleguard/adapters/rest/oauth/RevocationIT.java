package io.scaleguard.adapters.rest.oauth;

import static io.scaleguard.adapters.rest.testing.Answers.assertNotCacheable;
import static io.scaleguard.adapters.rest.testing.Answers.assertOAuthError;
import static io.scaleguard.adapters.rest.testing.Answers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.application.port.in.RevokeTokenCommand;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevocationIT extends ServedApplication {

    @Test
    void revokesTheTokenAndAnswers200() {
        HttpResponse<String> response = http.postForm("/auth/revoke", "token=r1&token_type_hint=refresh_token");

        assertThat(response.statusCode()).isEqualTo(200);
        assertNotCacheable(response);
        assertThat(fakes.revocations).extracting(RevokeTokenCommand::token).containsExactly("r1");
    }

    @Test
    void anUnknownTokenIsAnswered200Too() {
        HttpResponse<String> response = http.postForm("/auth/revoke", "token=never-issued");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "token=", "token_type_hint=refresh_token", "token=a&token=b", "token=a&extra=1", "token=%zz",
        "token=a%00b", "token=%C3%28"})
    void aMalformedRequestIsInvalidRequestAndRevokesNothing(String form) {
        assertOAuthError(http.postForm("/auth/revoke", form), "invalid_request");
        assertThat(fakes.untouched()).isTrue();
    }

    @Test
    void anOversizedBodyIs413AndRevokesNothing() {
        HttpResponse<String> response = http.postForm("/auth/revoke", "token=" + "t".repeat(20_000));

        assertProblem(response, 413);
        assertNotCacheable(response);
        assertThat(fakes.untouched()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"application/json", "text/plain"})
    void anotherContentTypeIsInvalidRequest(String contentType) {
        assertOAuthError(http.post("/auth/revoke", contentType, "token=r1"), "invalid_request");
        assertThat(fakes.untouched()).isTrue();
    }
}
