package io.orderhub.callbacks.sending;

import io.orderhub.callbacks.CallbackProperties;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.springframework.stereotype.Component;

/**
 * Makes one guarded HTTP request and classifies the answer. Every request goes through the
 * {@link TargetGuard}: its scheme and IP literal are checked first, host names in the client's resolver.
 */
@Component
class CallbackHttpClient {

    /** Where the receiver's {@code Retry-After} is kept away from OkHttp (see {@link #hideRetryAfter}). */
    private static final String RETRY_AFTER_SEEN = "X-OrderHub-Retry-After";

    private static final int EXCERPT_BYTES = 1024;
    private static final int EXCERPT_CHARS = 500;

    private final OkHttpClient http;
    private final TargetGuard guard;
    private final Clock clock;

    CallbackHttpClient(CallbackProperties properties, TargetGuard guard, Clock clock) {
        this.guard = guard;
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .dns(guard)
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                // Retries are the schedule's business, with the same webhook-id; never a silent resend here.
                .retryOnConnectionFailure(false)
                .callTimeout(properties.timeout())
                .connectTimeout(properties.timeout())
                .readTimeout(properties.timeout())
                .writeTimeout(properties.timeout())
                .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
                .addNetworkInterceptor(CallbackHttpClient::hideRetryAfter)
                .build();
    }

    SendResult execute(Request request) {
        String url = request.url().toString();
        var refusal = guard.refusal(request.url());
        if (refusal.isPresent()) {
            return SendResult.refused(refusal.get(), url);
        }
        long started = System.nanoTime();
        try (Response response = http.newCall(request).execute()) {
            long latency = millisSince(started);
            int code = response.code();
            String excerpt = excerpt(response);
            if (code >= 200 && code < 300) {
                return new SendResult(SendResult.Outcome.DELIVERED, code, null, latency, excerpt, null, url);
            }
            if (code == 410) {
                return new SendResult(SendResult.Outcome.GONE, code, null, latency, excerpt, "HTTP 410 Gone", url);
            }
            String error = code >= 300 && code < 400
                    ? "HTTP " + code + ": redirect to " + response.header("Location") + " not followed"
                    : "HTTP " + code;
            return new SendResult(
                    SendResult.Outcome.FAILED,
                    code,
                    retryAfter(response.header(RETRY_AFTER_SEEN)),
                    latency,
                    excerpt,
                    error,
                    url);
        } catch (IOException e) {
            long latency = millisSince(started);
            RefusedTarget refused = refusedCause(e);
            if (refused != null) {
                return SendResult.refused(refused.getMessage(), url);
            }
            return new SendResult(SendResult.Outcome.FAILED, null, null, latency, null, describe(e), url);
        }
    }

    /**
     * OkHttp repeats a request by itself when a 503 carries {@code Retry-After: 0}, even with retries and
     * redirects switched off. Every attempt must be one request, logged and counted, so the header is moved
     * out of OkHttp's sight before its follow-up logic reads it; the schedule honours it instead.
     */
    private static Response hideRetryAfter(okhttp3.Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (retryAfter == null) {
            return response;
        }
        return response.newBuilder()
                .removeHeader("Retry-After")
                .header(RETRY_AFTER_SEEN, retryAfter)
                .build();
    }

    private static String describe(IOException e) {
        if (e instanceof InterruptedIOException) {
            return "timeout: no answer within the time limit";
        }
        if (e instanceof ConnectException) {
            return "connection failed: " + e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "unknown host: " + e.getMessage();
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static RefusedTarget refusedCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedTarget refused) {
                return refused;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof RefusedTarget refused) {
                    return refused;
                }
            }
        }
        return null;
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String excerpt(Response response) {
        try {
            String text = response.peekBody(EXCERPT_BYTES).string().replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
            return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
        } catch (IOException e) {
            return null;
        }
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
