-- Scorecards: one row per version; an inspection names the version it was scored with.
create table scorecard_versions (
    row_id       bigserial    primary key,
    scorecard_id uuid         not null,
    version      int          not null,
    name         varchar(100) not null,
    category     varchar(40),
    pass_mark    int          not null,
    items        text         not null,
    is_current   boolean      not null,
    active       boolean      not null,
    changed_by   varchar(64)  not null,
    changed_at   timestamptz  not null,
    unique (scorecard_id, version)
);
-- at most one scorecard in use per category, and one default (category null)
create unique index scorecards_one_per_category on scorecard_versions (coalesce(category, ''))
    where is_current and active;

-- Seeds: the default checklist and a billing-dispute one. Weights sum to 100; critical items fail
-- the inspection (一票否决); automatic items are pre-filled from the event history.
insert into scorecard_versions (scorecard_id, version, name, category, pass_mark, items, is_current, active,
                                changed_by, changed_at) values
('00000000-0000-0000-0000-0000000000d1', 1, 'Default complaint handling', null, 80, '[
 {"code":"IDENTITY_VERIFIED","label":"Customer identity verified before account details were discussed","kind":"YES_NO","weight":10,"maxPoints":null,"critical":true,"automatic":null},
 {"code":"SYSTEMS_QUERIED","label":"Systems queried before answering (no answer from memory)","kind":"YES_NO","weight":15,"maxPoints":null,"critical":false,"automatic":null},
 {"code":"CORRECT_CATEGORY","label":"Complaint categorised correctly (category kept after resolution)","kind":"YES_NO","weight":10,"maxPoints":null,"critical":false,"automatic":"CATEGORY_KEPT"},
 {"code":"SCRIPT_FOLLOWED","label":"Script and agreed wording (口径) followed","kind":"POINTS","weight":15,"maxPoints":5,"critical":false,"automatic":null},
 {"code":"PROMISE_KEPT","label":"Promises to the customer kept","kind":"YES_NO","weight":15,"maxPoints":null,"critical":false,"automatic":"PROMISE_KEPT"},
 {"code":"NO_NEEDLESS_SWAP","label":"No needless \"swap your phone / SIM\" advice without a system check","kind":"YES_NO","weight":10,"maxPoints":null,"critical":true,"automatic":null},
 {"code":"CORRECT_HAND_OFF","label":"Hand-off to the back office correct and answered in time","kind":"YES_NO","weight":10,"maxPoints":null,"critical":false,"automatic":"HAND_OFF_ANSWERED_IN_TIME"},
 {"code":"FIRST_RESPONSE_IN_TIME","label":"First contact with the customer in time","kind":"YES_NO","weight":10,"maxPoints":null,"critical":false,"automatic":"FIRST_RESPONSE_IN_TIME"},
 {"code":"FOLLOW_UP_DONE","label":"Follow-up visit (回访) done","kind":"YES_NO","weight":5,"maxPoints":null,"critical":false,"automatic":"FOLLOW_UP_DONE"}
]', true, true, 'SYSTEM', now()),
('00000000-0000-0000-0000-0000000000d2', 1, 'Billing dispute', 'BILLING_DISPUTE', 80, '[
 {"code":"IDENTITY_VERIFIED","label":"Customer identity verified before account details were discussed","kind":"YES_NO","weight":10,"maxPoints":null,"critical":true,"automatic":null},
 {"code":"BILL_ITEMS_CHECKED","label":"Charges checked item by item in the billing system before answering","kind":"YES_NO","weight":20,"maxPoints":null,"critical":true,"automatic":null},
 {"code":"CHARGES_EXPLAINED","label":"Charges explained to the customer in plain words","kind":"POINTS","weight":15,"maxPoints":5,"critical":false,"automatic":null},
 {"code":"CORRECT_CATEGORY","label":"Complaint categorised correctly (category kept after resolution)","kind":"YES_NO","weight":10,"maxPoints":null,"critical":false,"automatic":"CATEGORY_KEPT"},
 {"code":"SCRIPT_FOLLOWED","label":"Script and agreed wording (口径) followed","kind":"POINTS","weight":10,"maxPoints":5,"critical":false,"automatic":null},
 {"code":"PROMISE_KEPT","label":"Promises to the customer kept","kind":"YES_NO","weight":15,"maxPoints":null,"critical":false,"automatic":"PROMISE_KEPT"},
 {"code":"CORRECT_HAND_OFF","label":"Hand-off to the back office correct and answered in time","kind":"YES_NO","weight":10,"maxPoints":null,"critical":false,"automatic":"HAND_OFF_ANSWERED_IN_TIME"},
 {"code":"FIRST_RESPONSE_IN_TIME","label":"First contact with the customer in time","kind":"YES_NO","weight":5,"maxPoints":null,"critical":false,"automatic":"FIRST_RESPONSE_IN_TIME"},
 {"code":"FOLLOW_UP_DONE","label":"Follow-up visit (回访) done","kind":"YES_NO","weight":5,"maxPoints":null,"critical":false,"automatic":"FOLLOW_UP_DONE"}
]', true, true, 'SYSTEM', now());
