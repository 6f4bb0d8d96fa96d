package io.tousu.quality.domain;

import io.tousu.platform.rest.FieldViolation;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import java.util.List;

/** Problem types of quality and the 400 of a list of inconsistencies. */
public final class Problems {

    public static final String ALREADY_CLAIMED = "https://tousu.io/problems/inspection-claimed";
    public static final String WRONG_STATUS = "https://tousu.io/problems/inspection-status";
    public static final String SCORECARD_IN_USE = "https://tousu.io/problems/scorecard-category-taken";
    public static final String DEFAULT_SCORECARD = "https://tousu.io/problems/default-scorecard";
    public static final String CASE_PUBLISHED = "https://tousu.io/problems/case-published";

    private Problems() {
    }

    /** A 400 naming every inconsistent field. */
    public static ProblemException invalid(List<Inconsistency> problems) {
        List<FieldViolation> violations = problems.stream().map(p -> new FieldViolation(p.field(), p.reason()))
                .toList();
        return new ProblemException(400, Problem.VALIDATION_TYPE, "The request has invalid fields",
                violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are invalid", violations);
    }
}
