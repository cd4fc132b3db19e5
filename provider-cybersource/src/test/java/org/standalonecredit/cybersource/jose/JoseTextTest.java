package org.standalonecredit.cybersource.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written byte paths of a token: base64url into an array at an offset, and claims written as UTF-8. */
class JoseTextTest {

    @Test
    void base64urlIntoAnArrayAtAnOffsetIsTheJdkEncodingForEveryLength() {
        Random random = new Random(7);
        Base64.Encoder jdk = Base64.getUrlEncoder().withoutPadding();
        for (int n = 0; n <= 300; n++) {
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            byte[] expected = jdk.encode(bytes);
            assertEquals(expected.length, Base64Url.encodedLength(n), "length of " + n);
            byte[] out = new byte[expected.length + 9];
            Arrays.fill(out, (byte) '#');
            int end = Base64Url.encodeInto(bytes, out, 5);
            assertEquals(5 + expected.length, end);
            assertArrayEquals(expected, Arrays.copyOfRange(out, 5, end), "encoding of " + n + " bytes");
            assertEquals('#', out[4]);
            assertEquals('#', out[end]);
        }
    }

    @Test
    void claimsTextIsUtf8JsonWithEveryEscapeAndEveryPlane() throws IOException {
        String awkward = "q\"b\\n\nr\rt\tb\bf\f\u0001\u001f é € 𝄞 end";
        byte[] utf8 = new JsonText().string("plain", "v").string("awkward", awkward).number("n", -42).string("ü-name", "ok").toUtf8();
        Map<String, String> read = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(utf8)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                read.put(name, p.getText());
            }
        }
        assertEquals(Map.of("plain", "v", "awkward", awkward, "n", "-42", "ü-name", "ok"), read);
        String text = new String(utf8, StandardCharsets.UTF_8);
        assertEquals(text, new JsonText().string("plain", "v").string("awkward", awkward).number("n", -42).string("ü-name", "ok").toString());
        assertEquals(true, text.contains("\\u0001") && text.contains("\\u001f") && text.contains("\\\"") && text.contains("𝄞"), text);
    }

    @Test
    void aLoneSurrogateIsWrittenAsTheJdkEncodesIt() {
        String lone = "a\ud800b";
        byte[] utf8 = new JsonText().string("s", lone).toUtf8();
        assertEquals("{\"s\":\"" + new String(lone.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8) + "\"}",
                new String(utf8, StandardCharsets.UTF_8));
    }
}
