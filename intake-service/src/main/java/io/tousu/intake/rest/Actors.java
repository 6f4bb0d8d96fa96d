package io.tousu.intake.rest;

import io.tousu.intake.domain.Actor;
import io.tousu.intake.domain.ActorRole;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import java.util.List;
import java.util.Map;

/** The actor of a request: the caller's token decides who acts and with which role. */
final class Actors {

    /** Token roles in order of authority: the first one the caller holds is the role that acts. */
    private static final List<Map.Entry<String, ActorRole>> PRECEDENCE = List.of(
            Map.entry(Roles.ADMIN, ActorRole.ADMIN),
            Map.entry(Roles.SUPERVISOR, ActorRole.SUPERVISOR),
            Map.entry(Roles.BACKOFFICE, ActorRole.BACKOFFICE),
            Map.entry(Roles.AGENT, ActorRole.AGENT),
            Map.entry(Roles.CHANNEL, ActorRole.CHANNEL));

    private Actors() {
    }

    static Actor of(Caller caller) {
        ActorRole role = PRECEDENCE.stream().filter(e -> caller.hasRole(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(ActorRole.AGENT);
        return new Actor(caller.id(), role, caller.team(), caller.isNational() ? null : caller.province());
    }
}
