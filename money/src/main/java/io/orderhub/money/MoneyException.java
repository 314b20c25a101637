package io.orderhub.money;

/** An amount that is not valid money in its currency, or two currencies combined. */
public class MoneyException extends RuntimeException {

    public MoneyException(String message) {
        super(message);
    }
}
