package io.orderhub.orders.order;

/**
 * Who asks: the name recorded as the actor, and the channel whose orders they may see (all channels for
 * an admin). Another channel's order must look like no order at all.
 */
public record Caller(String name, String channel, boolean seesAllChannels) {

    public boolean canSee(String source) {
        return seesAllChannels || channel.equals(source);
    }
}
