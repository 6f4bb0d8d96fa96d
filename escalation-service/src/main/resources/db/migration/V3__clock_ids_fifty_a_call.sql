-- Clock ids come from the sequence 50 at a time (Hibernate's pooled optimizer, allocationSize = 50),
-- so a batch's new clocks are inserted in batched statements rather than one IDENTITY insert each.
-- A plain insert taking the column default still gets an id no pooled block hands out.
alter sequence sla_clocks_id_seq increment by 50;
