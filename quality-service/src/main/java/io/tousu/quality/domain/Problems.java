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
    public static final String APPEAL_WINDOW = "https://tousu.io/problems/appeal-window-closed";
    public static final String APPEAL_STATUS = "https://tousu.io/problems/appeal-status";
    public static final String NOT_THE_AGENT = "https://tousu.io/problems/not-the-inspected-agent";
    public static final String SAME_INSPECTOR = "https://tousu.io/problems/same-inspector";
    public static final String CALIBRATION = "https://tousu.io/problems/calibration";
    public static final String RULE_CODE_TAKEN = "https://tousu.io/problems/risk-rule-code-taken";

    private Problems() {
    }

    /** A 403 with its own problem type: the role is right but this caller may not do it. */
    public static ProblemException forbidden(String type, String title, String detail) {
        return new ProblemException(403, type, title, detail, List.of());
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
