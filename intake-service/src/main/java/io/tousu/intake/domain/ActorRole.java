package io.tousu.intake.domain;

/** Who acts on a complaint. CUSTOMER and SYSTEM act through self-service and intake itself. */
public enum ActorRole {
    CHANNEL, AGENT, BACKOFFICE, SUPERVISOR, ADMIN, CUSTOMER, SYSTEM
}
