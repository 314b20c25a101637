package io.orderhub.orders;

/**
 * Who asks: the name recorded as the actor, and the channel whose orders and contracts they may see (all
 * channels for an admin). Another channel's order or contract must look like none at all.
 */
public record Caller(String name, String channel, boolean seesAllChannels) {

    public boolean canSee(String source) {
        return seesAllChannels || channel.equals(source);
    }
}
