package io.orderhub.callbacks.delivery;

/**
 * Who asks: the channel whose deliveries they may see, or every channel for an admin. Another channel's
 * delivery must look like no delivery at all.
 */
public record Caller(String channel, boolean seesAllChannels) {

    public boolean canSee(String deliveryChannel) {
        return seesAllChannels || channel.equals(deliveryChannel);
    }
}
