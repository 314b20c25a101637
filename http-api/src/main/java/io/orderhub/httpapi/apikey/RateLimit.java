package io.orderhub.httpapi.apikey;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code <requests>/<window>}, the window as {@code 30s}, {@code 1m}, {@code 15m}, {@code 1h}, {@code 1d}. */
public record RateLimit(long requests, Duration window) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})/(\\d{1,6})([smhd])");

    public RateLimit {
        if (requests < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("A rate limit needs at least one request per positive window");
        }
    }

    public static RateLimit parse(String text) {
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a rate limit (like 100/15m): " + text);
        }
        long amount = Long.parseLong(matcher.group(2));
        Duration window = switch (matcher.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new RateLimit(Long.parseLong(matcher.group(1)), window);
    }

    @Override
    public String toString() {
        return requests + "/" + window;
    }
}
