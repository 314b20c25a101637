package io.orderhub.payments.payment.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.payments.payment.Caller;

/** The API key a request authenticated with, as the caller the use cases know. */
public final class Callers {

    private Callers() {}

    public static Caller of(ApiKey key) {
        return new Caller(key.id(), key.name(), key.channel(), key.isAdmin());
    }
}
