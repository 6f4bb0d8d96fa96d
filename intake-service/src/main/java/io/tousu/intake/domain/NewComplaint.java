package io.tousu.intake.domain;

import java.util.List;

/**
 * What a channel submits; validated at the edge (rest) before it gets here.
 *
 * @param attachments references to files kept elsewhere (name and reference), never the files
 */
public record NewComplaint(Channel channel, String channelRef, String province, String city, String msisdn,
        String customerId, String customerTier, String category, String subcategory, String description,
        List<Attachment> attachments, ContactPreference contactPreference, String contactWindow) {

    /** A reference to an attachment stored by the channel (e.g. a screenshot in the app's storage). */
    public record Attachment(String name, String reference) {
    }
}
