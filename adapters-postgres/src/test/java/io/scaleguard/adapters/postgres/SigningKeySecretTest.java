package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeySecretTest {

    @Test
    void takesThirtyTwoBytesOfBase64AndNeverPrintsThem() {
        String secret = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        assertThat(SigningKeySecret.fromBase64(" " + secret + "\n").toString()).isEqualTo("SigningKeySecret[****]");
    }

    @Test
    void refusesWhatIsNotBase64WithoutRepeatingIt() {
        assertThatThrownBy(() -> SigningKeySecret.fromBase64("not*base64!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be 32 bytes in base64 (openssl rand -base64 32); it is not base64")
                .message().doesNotContain("not*base64!");
    }

    @Test
    void refusesAnotherLengthSayingWhichItWas() {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SigningKeySecret.fromBase64(sixteen)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be 32 bytes in base64 (openssl rand -base64 32), not 16 bytes");
        assertThatThrownBy(() -> SigningKeySecret.fromBase64("")).hasMessageEndingWith("not 0 bytes");
    }
}
