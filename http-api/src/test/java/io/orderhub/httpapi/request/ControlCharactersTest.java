package io.orderhub.httpapi.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void namesTheFieldOfTheFirstControlCharacterAsTheClientWroteIt() {
        assertThat(field("{\"source\": \"woo\\u0000commerce\"}")).isEqualTo("source");
        assertThat(field("{\"items\": [{\"name\": \"ok\"}, {\"name\": \"bad\\u0001\"}]}"))
                .isEqualTo("items[1].name");
        assertThat(field("{\"customer\": {\"email\": \"a@b\\u001f\"}}")).isEqualTo("customer.email");
        assertThat(field("{\"metadata\": {\"tags\": [\"x\", [\"y\\u0007\"]]}}")).isEqualTo("metadata.tags[1][0]");
    }

    @Test
    void letsTabsAndLineBreaksAndOrdinaryTextThrough() {
        assertThat(field("{\"note\": \"line one\\nline two\\r\\n\\tindented\", \"name\": \"Müller € 日本\"}"))
                .isNull();
        assertThat(field("{\"path\": \"C:\\\\u0000 is text, not a control character\"}"))
                .isNull();
    }

    @Test
    void leavesMalformedJsonToTheMessageConverter() {
        assertThat(field("{\"source\": \"\\u0000")).isNull();
        assertThat(field("")).isNull();
    }

    private static String field(String json) {
        return ControlCharacters.firstFieldWithControlCharacter(json.getBytes(StandardCharsets.UTF_8));
    }
}
