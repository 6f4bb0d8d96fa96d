package io.tousu.intake.domain;

/** Where a complaint came in. REGULATOR: forwarded by the telecom regulator (越级/工信部申诉). */
public enum Channel {
    HOTLINE, APP, WEB, WECHAT, SMS, STORE, EMAIL, REGULATOR, MEDIA
}
