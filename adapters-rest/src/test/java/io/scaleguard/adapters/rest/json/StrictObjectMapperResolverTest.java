package io.scaleguard.adapters.rest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictObjectMapperResolverTest {

    record Change(String currentPassword, String newPassword) {
    }

    private final ObjectMapper mapper = new StrictObjectMapperResolver().getContext(Change.class);

    @Test
    void readsAndWritesSnakeCaseRecords() throws Exception {
        Change change = mapper.readValue("{\"current_password\":\"a\",\"new_password\":\"b\"}", Change.class);

        assertThat(change).isEqualTo(new Change("a", "b"));
        assertThat(mapper.writeValueAsString(new Change("a", null))).isEqualTo("{\"current_password\":\"a\"}");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{\"current_password\":\"a\",\"current_password\":\"b\"}",
        "{\"current_password\":\"a\",\"other\":1}",
        "{\"current_password\":1}",
        "{\"current_password\":1.5}",
        "{\"current_password\":true}",
        "{\"current_password\":[\"a\"]}",
        "{\"current_password\":\"a\"} {}",
        "{\"current_password\":\"a\u0001\"}",
        "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
    })
    void refusesWhatCouldBeReadMoreThanOneWay(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Change.class)).isInstanceOf(JsonProcessingException.class);
    }
}
