package io.tousu.intake.domain;

/** How urgently a complaint must be worked; drives the SLA policy chosen by escalation. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
