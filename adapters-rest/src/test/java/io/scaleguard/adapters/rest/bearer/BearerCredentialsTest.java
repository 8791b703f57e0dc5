package io.scaleguard.adapters.rest.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerCredentialsTest {

    @Test
    void readsOneBearerTokenWhateverTheCaseOfTheScheme() {
        assertThat(BearerCredentials.from(List.of("bearer abc.DEF-_~+/.x=="))).isEqualTo(new BearerCredentials.Token("abc.DEF-_~+/.x=="));
        assertThat(BearerCredentials.from(List.of("BEARER   t"))).isEqualTo(new BearerCredentials.Token("t"));
    }

    @Test
    void noHeaderOrAnotherSchemeIsAbsent() {
        assertThat(BearerCredentials.from(null)).isInstanceOf(BearerCredentials.Absent.class);
        assertThat(BearerCredentials.from(List.of())).isInstanceOf(BearerCredentials.Absent.class);
        assertThat(BearerCredentials.from(List.of("Basic dXNlcjpwYXNz"))).isInstanceOf(BearerCredentials.Absent.class);
        assertThat(BearerCredentials.from(List.of("DPoP eyJ.x.y"))).isInstanceOf(BearerCredentials.Absent.class);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "Bearer", "Bearer ", "Bearer a b", "Bearer a,b", "Bearer é", "Bearer a=b", "Bearer ==", "Bearer a{b}",
        "garbage", "Bea\"rer x"})
    void anythingElseIsMalformed(String header) {
        assertThat(BearerCredentials.from(List.of(header))).isInstanceOf(BearerCredentials.Malformed.class);
    }

    @Test
    void twoHeadersAreMalformed() {
        assertThat(BearerCredentials.from(List.of("Bearer a", "Bearer a"))).isInstanceOf(BearerCredentials.Malformed.class);
    }

    @Test
    void aTokenOverTheLimitIsMalformedAndOneAtTheLimitIsRead() {
        char[] atLimit = new char[BearerCredentials.MAX_TOKEN_LENGTH];
        Arrays.fill(atLimit, 'a');
        String token = new String(atLimit);

        assertThat(BearerCredentials.from(List.of("Bearer " + token))).isEqualTo(new BearerCredentials.Token(token));
        assertThat(BearerCredentials.from(List.of("Bearer " + token + "a"))).isInstanceOf(BearerCredentials.Malformed.class);
    }

    @Test
    void neverPrintsTheToken() {
        assertThat(new BearerCredentials.Token("secret-token").toString()).doesNotContain("secret-token");
    }
}
