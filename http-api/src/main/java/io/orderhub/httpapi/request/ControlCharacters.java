package io.orderhub.httpapi.request;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.FieldError;
import io.orderhub.httpapi.problem.ProblemType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Refuses JSON bodies whose strings (or member names) hold control characters — NUL and the rest of C0
 * except tab, line feed and carriage return, which free-text fields like notes and addresses may carry —
 * with a 400 naming the field. Escaped as {@code \u0000} they are valid JSON, but no channel sends them
 * on purpose, PostgreSQL refuses NUL in text and jsonb, and logs and callbacks should never carry them.
 *
 * <p>Bodies the handler takes as bytes or text (signed provider webhooks) pass untouched: their sender
 * signed them as they are.
 */
@ControllerAdvice
public class ControlCharacters extends RequestBodyAdviceAdapter {

    private static final JsonFactory JSON = JsonReadLimits.factory();

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType != byte[].class && targetType != String.class;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        byte[] body = input.getBody().readAllBytes();
        String field = firstFieldWithControlCharacter(body);
        if (field != null) {
            String message = "must not contain control characters (other than tab and line breaks)";
            throw new ApiException(
                    ProblemType.MALFORMED_REQUEST, field + ": " + message, List.of(new FieldError(field, message)));
        }
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** The path ({@code items[0].name}) of the first string holding a control character, or null. */
    static String firstFieldWithControlCharacter(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING && hasControlCharacter(parser.getString()))
                        || (token == JsonToken.PROPERTY_NAME && hasControlCharacter(parser.currentName()))) {
                    return path(parser.streamReadContext());
                }
            }
            return null;
        } catch (JacksonException notJson) {
            return null; // the message converter answers malformed JSON as it always does
        }
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    private static String path(TokenStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                segments.push("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else if (at.currentName() != null) {
                segments.push((at.getParent() != null && !at.getParent().inRoot() ? "." : "") + at.currentName());
            }
        }
        return segments.isEmpty() ? "body" : String.join("", segments);
    }
}
