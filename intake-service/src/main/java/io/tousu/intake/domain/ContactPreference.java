package io.tousu.intake.domain;

/** How the customer prefers to be contacted. */
public enum ContactPreference {
    PHONE, SMS, WECHAT, EMAIL, APP
}
