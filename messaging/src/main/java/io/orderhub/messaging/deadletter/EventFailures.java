package io.orderhub.messaging.deadletter;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.core.convert.ConversionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells permanent failures from transient ones, and describes a failure for logs and dead-letter
 * headers without payload contents.
 *
 * <p>Permanent: the event itself is the problem and every retry fails the same way — it cannot be read
 * (deserialisation, conversion), it breaks a constraint or a column's range ({@link
 * DataIntegrityViolationException}, which includes PostgreSQL's numeric overflow), Java arithmetic
 * overflows, an argument is illegal, or the consumer says so ({@link PermanentEventFailure}).
 *
 * <p>Everything else is transient, and a transient cause anywhere in the chain wins: a database or
 * broker that is down or busy, and any failure not recognised here. Treating the unknown as transient
 * stops a partition rather than skipping an event: a stuck partition is loud and loses nothing.
 */
final class EventFailures {

    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
            TransientDataAccessException.class,
            RecoverableDataAccessException.class,
            DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class,
            SQLTransientException.class,
            SQLRecoverableException.class,
            RetriableException.class);

    private static final List<Class<? extends Throwable>> PERMANENT = List.of(
            PermanentEventFailure.class,
            DeserializationException.class,
            MessageConversionException.class,
            ConversionException.class,
            org.springframework.kafka.support.converter.ConversionException.class,
            MethodArgumentResolutionException.class,
            ClassCastException.class,
            DataIntegrityViolationException.class,
            ArithmeticException.class,
            IllegalArgumentException.class);

    private static final int MAX_REASON_LENGTH = 300;

    private EventFailures() {}

    static boolean isPermanent(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(cause -> isAny(cause, TRANSIENT))) {
            return false;
        }
        return chain.stream().anyMatch(cause -> isAny(cause, PERMANENT));
    }

    /**
     * The classes of the failure and its causes, outermost first, and the first line of the message of
     * the innermost cause when that message is known to carry no event data: a SQL error's first line
     * (PostgreSQL puts row values only in its DETAIL line), an arithmetic error, or {@link
     * PermanentEventFailure}'s own.
     */
    static String describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        String classes = chain.stream().map(t -> t.getClass().getName()).collect(Collectors.joining(" <- "));
        Throwable root = chain.get(chain.size() - 1);
        Throwable explained = chain.stream()
                .filter(t -> t instanceof PermanentEventFailure)
                .findFirst()
                .orElse(root);
        boolean safeMessage = explained instanceof PermanentEventFailure
                || explained instanceof SQLException
                || explained instanceof ArithmeticException;
        String message = explained.getMessage();
        if (!safeMessage || message == null || message.isBlank()) {
            return classes;
        }
        String firstLine = message.strip().lines().findFirst().orElse("");
        if (firstLine.length() > MAX_REASON_LENGTH) {
            firstLine = firstLine.substring(0, MAX_REASON_LENGTH) + "…";
        }
        return classes + ": " + firstLine;
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static boolean isAny(Throwable failure, List<Class<? extends Throwable>> types) {
        return types.stream().anyMatch(type -> type.isInstance(failure));
    }
}
