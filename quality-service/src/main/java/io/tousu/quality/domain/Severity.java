package io.tousu.quality.domain;

/** How grave a risk-rule hit is. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
