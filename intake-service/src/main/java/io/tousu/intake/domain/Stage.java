package io.tousu.intake.domain;

/** The stages a customer sees, in plain words, with what happens next. */
public enum Stage {
    RECEIVED("已受理", "Received", "我们将尽快安排专人处理。", "We will assign a named agent to your complaint shortly."),
    IN_HANDLING("处理中", "Being handled", "专人正在处理您的投诉。", "A named agent is working on your complaint."),
    WITH_SPECIALISTS("专业部门处理中", "With the specialist team", "专业团队正在核查，处理后会联系您。",
            "A specialist team is looking into it and will contact you."),
    WAITING_FOR_YOU("等待您的补充", "Waiting for you", "请补充我们需要的信息，以便继续处理。",
            "Please add the information we asked for, so that we can go on."),
    RESOLVED("已处理，待回访", "Resolved, follow-up next", "请告诉我们问题是否已解决。",
            "Please tell us whether the problem is solved."),
    FOLLOWED_UP("已回访", "Followed up", "感谢您的反馈。", "Thank you for your answer."),
    CLOSED("已办结", "Closed", "投诉已办结。如问题再次出现，请重新联系我们。",
            "The complaint is closed. If the problem comes back, contact us again.");

    private final String zh;
    private final String en;
    private final String nextZh;
    private final String nextEn;

    Stage(String zh, String en, String nextZh, String nextEn) {
        this.zh = zh;
        this.en = en;
        this.nextZh = nextZh;
        this.nextEn = nextEn;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public String nextZh() {
        return nextZh;
    }

    public String nextEn() {
        return nextEn;
    }

    /** The stage a customer sees for a status. */
    public static Stage of(ComplaintStatus status) {
        return switch (status) {
            case RECEIVED -> RECEIVED;
            case ASSIGNED, IN_PROGRESS, PENDING_APPROVAL, REOPENED -> IN_HANDLING;
            case PENDING_BACK_OFFICE -> WITH_SPECIALISTS;
            case PENDING_CUSTOMER -> WAITING_FOR_YOU;
            case RESOLVED -> RESOLVED;
            case FOLLOWED_UP -> FOLLOWED_UP;
            case CLOSED -> CLOSED;
        };
    }
}
