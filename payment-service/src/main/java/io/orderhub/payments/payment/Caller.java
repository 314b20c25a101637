package io.orderhub.payments.payment;

/**
 * Who asks: the key id that scopes its Idempotency-Keys, the name recorded as the actor, and the channel whose
 * payments it may see (all channels for an admin). Another channel's payment must look like no payment at all.
 */
public record Caller(String id, String name, String channel, boolean seesAllChannels) {

    public boolean canSee(String source) {
        return seesAllChannels || channel.equals(source);
    }
}
