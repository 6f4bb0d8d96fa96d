package io.tousu.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tousu.events.EventCodec;
import org.junit.jupiter.api.Test;

class EventInboxTest {

    @Test
    void onlyContentFailuresArePoisonEverythingElseIsRetried() {
        assertThat(EventInbox.isPoison(new IllegalArgumentException("Invalid UUID string: x"))).isTrue();
        assertThat(EventInbox.isPoison(new EventCodec.MalformedEventException("bad", null))).isTrue();
        assertThat(EventInbox.isPoison(new IllegalStateException("connection refused"))).isFalse();
        assertThat(EventInbox.isPoison(new RuntimeException("timeout"))).isFalse();
    }
}
