package io.tousu.intake.domain;

/** What a channel submits; validated at the edge (rest) before it gets here. */
public record NewComplaint(Channel channel, String channelRef, String province, String city, String msisdn,
        String category, String description) {
}
