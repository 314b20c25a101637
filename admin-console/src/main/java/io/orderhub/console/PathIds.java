package io.orderhub.console;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Hub ids in the console's paths: a malformed one names nothing, so it is the page's 404. */
public final class PathIds {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PathIds() {}

    public static boolean isId(String text) {
        return UUID_TEXT.matcher(text).matches();
    }

    /** The id, or 404 "No such {what}". */
    public static UUID parse(String text, String what) {
        if (!isId(text)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such " + what);
        }
        return UUID.fromString(text);
    }
}
