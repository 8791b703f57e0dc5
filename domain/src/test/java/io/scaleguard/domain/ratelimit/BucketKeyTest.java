package io.scaleguard.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class BucketKeyTest {

    /** The documented rule, as a regular expression: the oracle that the hand-written check must agree with. */
    private static final Pattern RULE = Pattern.compile("[!-z|~]{1,200}");

    @Property
    void acceptsExactlyPrintableAsciiWithoutSpacesOrBracesUpTo200Characters(@ForAll("candidates") String value) {
        boolean accepted;
        try {
            accepted = new BucketKey(value).value().equals(value);
        } catch (IllegalArgumentException refused) {
            accepted = false;
        }
        assertThat(accepted).as("accepted \"%s\"", value).isEqualTo(RULE.matcher(value).matches());
    }

    /** Mostly allowed characters, so that long accepted keys come up, with the characters next to the range mixed in. */
    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.chars().range('!', '~')),
                Tuple.of(1, Arbitraries.of(' ', '{', '}', '\u007f', '\u0000', '\u00e9', '\u20ac')));
        return chars.list().ofMaxSize(210).map(list -> list.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    @Example
    void takesUpTo200CharactersAndNotOneMore() {
        assertThat(new BucketKey("k".repeat(200)).value()).hasSize(200);
        assertThatThrownBy(() -> new BucketKey("k".repeat(201))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BucketKey("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void refusesNull() {
        assertThatThrownBy(() -> new BucketKey(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
