package io.scaleguard.adapters.rest.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one form preamble of the token and revocation endpoints. */
class FormRequestsTest {

    private static final Set<String> ALLOWED = Set.of("token");
    private static final byte[] BODY = "token=abc".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"application/x-www-form-urlencoded", "Application/X-WWW-Form-URLEncoded; charset=UTF-8",
        "application/x-www-form-urlencoded;charset=utf-8"})
    void readsAUtf8Form(String contentType) {
        FormRequests.Read read = FormRequests.read(contentType, BODY, ALLOWED);

        assertThat(read).isInstanceOfSatisfying(FormRequests.Read.Parsed.class,
                parsed -> assertThat(parsed.form().get("token")).hasValue("abc"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"application/json", "application/x-www-form-urlencoded; charset=ISO-8859-1", "multipart/form-data",
        "not a media type;;"})
    void refusesAnythingButAUtf8FormAsInvalidRequest(String contentType) {
        assertRefused(FormRequests.read(contentType, BODY, ALLOWED), "application/x-www-form-urlencoded in UTF-8");
    }

    @Test
    void refusesAFormTheParserRefusesWithTheParsersWords() {
        byte[] body = "token=a&token=b".getBytes(StandardCharsets.UTF_8);

        assertRefused(FormRequests.read("application/x-www-form-urlencoded", body, ALLOWED), "more than once");
    }

    @Test
    void noBodyIsAnEmptyForm() {
        FormRequests.Read read = FormRequests.read("application/x-www-form-urlencoded", null, ALLOWED);

        assertThat(read).isInstanceOfSatisfying(FormRequests.Read.Parsed.class,
                parsed -> assertThat(parsed.form().has("token")).isFalse());
    }

    private static void assertRefused(FormRequests.Read read, String description) {
        assertThat(read).isInstanceOfSatisfying(FormRequests.Read.Refused.class, refused -> {
            assertThat(refused.answer().getStatus()).isEqualTo(400);
            OAuthError error = (OAuthError) refused.answer().getEntity();
            assertThat(error.error()).isEqualTo(OAuthError.INVALID_REQUEST);
            assertThat(error.errorDescription()).contains(description);
        });
    }
}
