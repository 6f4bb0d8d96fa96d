package io.tousu.intake.domain;

/** Front office (一线/前台) owns complaints first; the back office (后台) works hand-offs. */
public enum Office {
    FRONT, BACK
}
