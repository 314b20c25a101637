package io.orderhub.callbacks.endpoint;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which endpoints are disabled. Every instance registers the configured endpoints at start-up; the disabled
 * flag lives in the database, so a 410 seen by one instance stops all of them.
 */
@Service
public class EndpointStates implements InitializingBean {

    private final EndpointRepository endpoints;
    private final CallbackEndpoints configured;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EndpointStates(
            EndpointRepository endpoints, CallbackEndpoints configured, TransactionTemplate transactions, Clock clock) {
        this.endpoints = endpoints;
        this.configured = configured;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        transactions.executeWithoutResult(
                status -> configured.all().forEach(endpoint -> endpoints.register(endpoint, clock.instant())));
    }

    @Transactional(readOnly = true)
    public Set<String> disabledNames() {
        return endpoints.disabledNames();
    }

    @Transactional(readOnly = true)
    public List<EndpointStatus> all() {
        return endpoints.all();
    }

    @Transactional(readOnly = true)
    public Optional<EndpointStatus> find(String name) {
        return endpoints.find(name);
    }
}
