package io.tousu.quality.domain;

/** A field of a definition (scorecard, rule, score) that cannot be accepted, and why. */
public record Inconsistency(String field, String reason) {
}
