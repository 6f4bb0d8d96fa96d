package io.tousu.intake.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.events.Msisdn;
import io.tousu.intake.config.IntakeConfig;
import io.tousu.intake.messaging.ComplaintEvents;
import io.tousu.intake.repository.ComplaintRepository;
import io.tousu.intake.repository.NewComplaints;
import io.tousu.intake.repository.TicketSequences;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Takes complaints in. A complaint, its history line and its {@code ComplaintReceived} event are
 * stored in one transaction. The same channel message id returns the complaint already taken in,
 * also when two submissions race (the unique constraint decides, the loser reads the winner's).
 * Repeats (same customer and category within the window) are linked, and an earlier one still
 * waiting for its follow-up is reopened; suspected malicious or bulk complaints are flagged.
 */
@ApplicationScoped
public class ComplaintIntake {

    private static final Logger LOG = Logger.getLogger(ComplaintIntake.class);
    private static final String CHANNEL_REF_CONSTRAINT = "complaints_channel_ref";

    /** The complaint and whether this call created it (false: an earlier submission did). */
    public record Submission(Complaint complaint, boolean created) {
    }

    private final ComplaintRepository complaints;
    private final NewComplaints newComplaints;
    private final TicketSequences ticketSequences;
    private final ComplaintWorkflow workflow;
    private final PriorityRules priorityRules;
    private final AbuseRules abuseRules;
    private final IntakeConfig config;
    private final IntakeMetrics metrics;

    public ComplaintIntake(ComplaintRepository complaints, NewComplaints newComplaints, TicketSequences ticketSequences,
            ComplaintWorkflow workflow, PriorityRules priorityRules, AbuseRules abuseRules, IntakeConfig config,
            IntakeMetrics metrics) {
        this.complaints = complaints;
        this.newComplaints = newComplaints;
        this.ticketSequences = ticketSequences;
        this.workflow = workflow;
        this.priorityRules = priorityRules;
        this.abuseRules = abuseRules;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Creates the complaint; a resubmission finds the channel reference taken and answers with the
     * complaint already taken in (new complaints, the common case, pay no extra look-up).
     */
    public Uni<Submission> submit(NewComplaint request, Actor submitter) {
        return create(request, submitter)
                .onFailure(ComplaintIntake::isDuplicateChannelRef).recoverWithNull()
                .flatMap(created -> created != null ? Uni.createFrom().item(new Submission(created, true))
                        : existing(request));
    }

    private Uni<Submission> existing(NewComplaint request) {
        return Panache.withSession(() -> complaints.findByChannelRef(request.channel(), request.channelRef()))
                .map(c -> c == null ? null : new Submission(c, false));
    }

    /** Stores the complaint unless its channel reference is taken; answers it, or null when taken. */
    private Uni<Complaint> create(NewComplaint request, Actor submitter) {
        Instant now = ComplaintWorkflow.now();
        LocalDate day = TicketNumbers.dayOf(now, config.zone());
        Instant abuseSince = now.minus(config.abuse().window());
        Complaint c = newComplaint(request, now);
        // the category against the cached taxonomy; the ticket number (from a reserved block, so
        // mostly without a statement) beside the look-up of abuse counts and repeats; then the store of
        // the complaint, its history line and its event. Both statements are shared with the
        // submissions that arrive together (NewComplaints). Only a repeat that reopens an earlier
        // complaint needs a session.
        return workflow.validCategory(c.category, c.subcategory)
                .flatMap(ok -> Uni.combine().all().unis(ticketSequences.next(c.province, day),
                        newComplaints.lookUp(new NewComplaints.Lookup(c.msisdn, c.descriptionHash, abuseSince,
                                c.category, now.minus(config.repeatWindow())))).asTuple())
                .flatMap(ticketAndLookups -> {
                    NewComplaints.IntakeLookups looked = ticketAndLookups.getItem2();
                    classify(c, looked.repeatIds(), abuseRules.assess(looked.abuse().fromNumber(),
                            looked.abuse().otherNumbersSameText()), day);
                    c.ticketNo = TicketNumbers.format(c.province, day, ticketAndLookups.getItem1());
                    Change received = new Change(c, submitter, Action.RECEIVE, now)
                            .detail("received from " + c.channel + (looked.repeatIds().isEmpty() ? ""
                                    : "; repeat of " + looked.repeatIds().size() + " earlier")
                                    + (c.suspectedMalicious ? "; suspected malicious" : ""))
                            .emit(ComplaintEvents.received(c));
                    return looked.repeatAwaitsReopen() ? storeAndReopen(received, looked.repeatIds())
                            : newComplaints.insert(c, received.historyEntry(), received.envelopes());
                })
                .map(created -> {
                    if (!created) {
                        return null;
                    }
                    metrics.received(c);
                    LOG.infof("complaint %s received from %s for %s, category %s, priority %s%s", c.ticketNo,
                            c.channel, Msisdn.mask(c.msisdn), c.category, c.priority,
                            c.suspectedMalicious ? " (suspected malicious)" : "");
                    return c;
                });
    }

    /** The complaint, its history and event, and the reopening of the earlier ones, in one transaction. */
    private Uni<Boolean> storeAndReopen(Change received, List<UUID> repeatIds) {
        Complaint c = received.complaint();
        // flush first: the history line references the complaint row
        return Panache.withTransaction(() -> complaints.persistAndFlush(c)
                .flatMap(saved -> workflow.record(received))
                .flatMap(ignored -> complaints.byIdsInOrder(repeatIds))
                .flatMap(repeats -> reopenEarlier(repeats, received.actor(), c.ticketNo)))
                .replaceWith(true);
    }

    /** Links repeats, flags abuse and computes the priority with its reasons. */
    private void classify(Complaint c, List<UUID> repeatIds, List<String> abuse, LocalDate day) {
        c.repeatOf = repeatIds.stream().map(UUID::toString).collect(Collectors.joining(","));
        c.suspectedMalicious = !abuse.isEmpty();
        c.maliciousReasons = String.join("\n", abuse);
        PriorityRules.Assessment priority = priorityRules.assess(new PriorityRules.Inputs(c.channel, c.customerTier,
                repeatIds.size(), 0, c.description, day));
        c.priority = priority.priority();
        c.priorityReasons = String.join("\n", priority.reasons());
    }

    /** An earlier complaint still waiting for its follow-up is reopened by the repeat. */
    private Uni<Void> reopenEarlier(List<Complaint> repeats, Actor actor, String ticketNo) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Complaint earlier : repeats) {
            if (earlier.status == ComplaintStatus.RESOLVED || earlier.status == ComplaintStatus.FOLLOWED_UP) {
                chain = chain.flatMap(ignored -> workflow.reopenForRepeat(earlier, actor, ticketNo));
            }
        }
        return chain;
    }

    private static Complaint newComplaint(NewComplaint request, Instant now) {
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.channel = request.channel();
        c.channelRef = request.channelRef();
        c.province = request.province();
        c.city = request.city();
        c.msisdn = request.msisdn();
        c.customerId = request.customerId();
        c.customerTier = request.customerTier();
        c.category = request.category();
        c.subcategory = request.subcategory();
        c.description = request.description();
        c.descriptionHash = AbuseRules.fingerprint(request.description());
        c.attachments = request.attachments() == null || request.attachments().isEmpty() ? null
                : request.attachments().stream().map(a -> a.name() + "|" + a.reference())
                        .collect(Collectors.joining("\n"));
        c.contactPreference = request.contactPreference();
        c.contactWindow = request.contactWindow();
        c.status = ComplaintStatus.RECEIVED;
        c.repeatOf = "";
        c.maliciousReasons = "";
        c.priorityReasons = "";
        c.receivedAt = now;
        c.updatedAt = now;
        return c;
    }

    private static boolean isDuplicateChannelRef(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(CHANNEL_REF_CONSTRAINT)) {
                return true;
            }
        }
        return false;
    }
}
