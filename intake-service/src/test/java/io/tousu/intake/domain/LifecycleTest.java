package io.tousu.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleTest {

    @Test
    void aNewComplaintCanOnlyBeAssignedClosedOrAnnotated() {
        assertThat(Lifecycle.allowed(ComplaintStatus.RECEIVED)).contains(Action.ASSIGN, Action.CLOSE, Action.URGE)
                .doesNotContain(Action.RESOLVE, Action.START_WORK, Action.FOLLOW_UP);
    }

    @Test
    void waitingForTheCustomerOnlyResumes() {
        assertThat(Lifecycle.allowed(ComplaintStatus.PENDING_CUSTOMER)).contains(Action.RESUME)
                .doesNotContain(Action.RESOLVE, Action.HAND_OFF, Action.ASSIGN);
    }

    @Test
    void aResolvedComplaintIsFollowedUpReopenedOrClosed() {
        assertThat(Lifecycle.allowed(ComplaintStatus.RESOLVED)).contains(Action.FOLLOW_UP, Action.REOPEN,
                Action.CLOSE, Action.CHANGE_CATEGORY).doesNotContain(Action.RESOLVE, Action.URGE);
    }

    @Test
    void aClosedComplaintCanOnlyBeReopenedOrNoted() {
        assertThat(Lifecycle.allowed(ComplaintStatus.CLOSED)).containsExactlyInAnyOrder(Action.REOPEN, Action.ADD_NOTE,
                Action.LEAVE_SUGGESTION);
    }

    @Test
    void aRefusedActionNamesTheStateAndWhatIsAllowed() {
        assertThatThrownBy(() -> Lifecycle.require(ComplaintStatus.CLOSED, Action.RESOLVE))
                .isInstanceOfSatisfying(Lifecycle.LifecycleViolation.class, v -> {
                    assertThat(v.status()).isEqualTo(ComplaintStatus.CLOSED);
                    assertThat(v.allowedActions()).contains(Action.REOPEN);
                    assertThat(v.getMessage()).contains("RESOLVE", "CLOSED");
                });
    }

    @ParameterizedTest
    @EnumSource(ComplaintStatus.class)
    void everyStatusAllowsANoteAndSomethingThatMovesIt(ComplaintStatus status) {
        assertThat(Lifecycle.allowed(status)).contains(Action.ADD_NOTE);
        assertThat(Lifecycle.allowed(status)).containsAnyOf(Action.ASSIGN, Action.RESUME, Action.APPROVE_RESOLUTION,
                Action.FOLLOW_UP, Action.CLOSE, Action.REOPEN);
    }
}
