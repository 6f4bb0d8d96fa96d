package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One audited ticket and its outcome. */
@Entity
@Table(name = "audit_items")
@IdClass(AuditItem.Key.class)
public class AuditItem extends PanacheEntityBase {

    /** HIT: a rule of the audit's set was hit; CLEAN: none was. */
    public static final String HIT = "HIT";
    public static final String CLEAN = "CLEAN";

    /** The primary key. */
    public static class Key implements Serializable {
        public UUID auditId;
        public UUID complaintId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(auditId, k.auditId)
                    && java.util.Objects.equals(complaintId, k.complaintId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(auditId, complaintId);
        }
    }

    @Id
    @Column(name = "audit_id")
    public UUID auditId;

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(name = "ticket_no")
    public String ticketNo;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "team_id")
    public String teamId;

    @Column(nullable = false)
    public String outcome;

    /** The rules of the set the ticket hit, comma-separated. */
    @Column(name = "rule_codes", nullable = false)
    public String ruleCodes;
}
