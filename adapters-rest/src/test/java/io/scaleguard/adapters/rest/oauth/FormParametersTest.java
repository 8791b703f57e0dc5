package io.scaleguard.adapters.rest.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormParametersTest {

    private static final Set<String> ALLOWED = Set.of("a", "b", "c");

    private static FormParameters parse(String body) {
        return FormParameters.parse(body.getBytes(StandardCharsets.UTF_8), ALLOWED);
    }

    @Test
    void decodesPlusAndPercentEncodedUtf8() {
        FormParameters form = parse("a=caf%C3%A9+au+lait&b=x%2By%3Dz%26");

        assertThat(form.get("a")).hasValue("café au lait");
        assertThat(form.get("b")).hasValue("x+y=z&");
    }

    @Test
    void aParameterWithoutValueCountsAsOmitted() {
        FormParameters form = parse("a=&b&c=1");

        assertThat(form.has("a")).isFalse();
        assertThat(form.has("b")).isFalse();
        assertThat(form.get("c")).hasValue("1");
    }

    @Test
    void emptyPairsAreSkipped() {
        assertThat(parse("&&a=1&").get("a")).hasValue("1");
    }

    @Test
    void refusesAParameterGivenTwiceEvenEmpty() {
        assertThatThrownBy(() -> parse("a=1&a=")).hasMessageContaining("'a'").hasMessageContaining("more than once");
    }

    @Test
    void refusesAnUnknownParameterNamingItPrintably() {
        assertThatThrownBy(() -> parse("d%00e=1")).hasMessage("unknown parameter 'de'");
    }

    @Test
    void refusesBrokenPercentEncodingAndInvalidUtf8() {
        assertThatThrownBy(() -> parse("a=%G1")).hasMessageContaining("percent-encoding");
        assertThatThrownBy(() -> parse("a=%4")).hasMessageContaining("percent-encoding");
        assertThatThrownBy(() -> parse("a=%ED%A0%80")).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> FormParameters.parse(new byte[] {'a', '=', (byte) 0xFF}, ALLOWED)).hasMessageContaining("UTF-8");
    }

    @Test
    void refusesControlCharactersAndOverlongValues() {
        assertThatThrownBy(() -> parse("a=x%09y")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> parse("a=" + "x".repeat(FormParameters.MAX_VALUE_LENGTH + 1))).hasMessageContaining("longer than");
        assertThat(parse("a=" + "x".repeat(FormParameters.MAX_VALUE_LENGTH)).get("a")).isPresent();
    }
}
