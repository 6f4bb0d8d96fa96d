package io.tousu.intake.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.events.Msisdn;
import io.tousu.intake.config.IntakeConfig;
import io.tousu.intake.messaging.ComplaintEvents;
import io.tousu.intake.repository.ComplaintRepository;
import io.tousu.platform.messaging.Outbox;
import io.tousu.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes complaints in. A complaint and its {@code ComplaintReceived} event are stored in one
 * transaction. The same channel message id returns the complaint already taken in, also when two
 * submissions race (the unique constraint decides, the loser reads the winner's complaint).
 */
@ApplicationScoped
public class ComplaintIntake {

    private static final Logger LOG = Logger.getLogger(ComplaintIntake.class);
    private static final String CHANNEL_REF_CONSTRAINT = "complaints_channel_ref";

    /** The complaint and whether this call created it (false: an earlier submission did). */
    public record Submission(Complaint complaint, boolean created) {
    }

    private final ComplaintRepository complaints;
    private final Outbox outbox;
    private final IntakeConfig config;

    public ComplaintIntake(ComplaintRepository complaints, Outbox outbox, IntakeConfig config) {
        this.complaints = complaints;
        this.outbox = outbox;
        this.config = config;
    }

    public Uni<Submission> submit(NewComplaint request) {
        return existing(request)
                .flatMap(found -> found != null ? Uni.createFrom().item(found) : create(request))
                .onFailure(ComplaintIntake::isDuplicateChannelRef)
                .recoverWithUni(() -> existing(request));
    }

    private Uni<Submission> existing(NewComplaint request) {
        return Panache.withSession(() -> complaints.findByChannelRef(request.channel(), request.channelRef()))
                .map(c -> c == null ? null : new Submission(c, false));
    }

    private Uni<Submission> create(NewComplaint request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> complaints.isActiveCategory(request.category())
                .flatMap(known -> {
                    if (!known) {
                        throw ProblemException.invalidField("category", "unknown category '" + request.category()
                                + "'; GET /api/v1/categories lists the taxonomy");
                    }
                    return complaints.nextTicketSequence(request.province(),
                            TicketNumbers.dayOf(now, config.zone()));
                })
                .flatMap(seq -> {
                    Complaint c = newComplaint(request, now, seq);
                    return complaints.persist(c).flatMap(saved -> outbox.append(ComplaintEvents.received(c)))
                            .replaceWith(c);
                }))
                .invoke(c -> LOG.infof("complaint %s received from %s for %s, category %s, priority %s", c.ticketNo,
                        c.channel, Msisdn.mask(c.msisdn), c.category, c.priority))
                .map(c -> new Submission(c, true));
    }

    private Complaint newComplaint(NewComplaint request, Instant now, int sequence) {
        PriorityRules.Assessment assessment = PriorityRules.assess(request.channel());
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.ticketNo = TicketNumbers.format(request.province(), TicketNumbers.dayOf(now, config.zone()), sequence);
        c.channel = request.channel();
        c.channelRef = request.channelRef();
        c.province = request.province();
        c.city = request.city();
        c.msisdn = request.msisdn();
        c.category = request.category();
        c.description = request.description();
        c.priority = assessment.priority();
        c.priorityReasons = String.join("\n", assessment.reasons());
        c.status = ComplaintStatus.RECEIVED;
        c.receivedAt = now;
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
